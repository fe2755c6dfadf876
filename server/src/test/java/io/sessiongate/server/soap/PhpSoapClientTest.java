package io.sessiongate.server.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec's "PHP with SOAP" sample, unchanged but for the WSDL address, the example values and
 * {@code NODE} written as a string (a bare constant is an error in PHP 8), run by a real PHP
 * SoapClient. Reported as skipped, never passed, where {@code php} with its soap extension is absent.
 */
class PhpSoapClientTest {

    private static final String SAMPLE = """
            <?php
            $soapclient = new SoapClient("%s", array('cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => %s));
            $loginparams = array (
            'sEmail' => '%s',
            'sPassword' => '%s'
            );
            $iSessionID = %d;
            $iNodeID = %d;
            $eNodeRef = 'NODE';
            $sComment = "transfer session";
            $sAuthCode = "";
            $transfersessionparams = array (
            'iSessionID' => $iSessionID,
            'iNodeID' => $iNodeID,
            'eNodeRef' => $eNodeRef,
            'sComment' => $sComment,
            'sAuthCode' => $sAuthCode
            );
            $loginResult = $soapclient->login($loginparams);
            print_r($loginResult);
            $transferSessionResult = $soapclient->transferSession($transfersessionparams);
            print_r($transferSessionResult);
            ?>
            """;

    @ParameterizedTest
    @ValueSource(strings = {"SOAP_1_1", "SOAP_1_2"})
    void theSpecsPhpSampleLogsInAndTransfers(String soapVersion) throws Exception {
        assumeTrue(phpWithSoap(), "php with the soap extension is not installed (.ci/run installs it)");
        TestServer server = TestServer.get();
        TestAccount account = server.accounts().create(1);
        Path script = Files.createTempFile("transfer", ".php");
        try {
            Files.writeString(script, String.format(SAMPLE, server.baseUri() + "api/api.asmx?wsdl", soapVersion,
                    account.adminEmail(), TestAccounts.ADMIN_PASSWORD, account.sessionIds().get(0),
                    account.onlineTechNodeId()));
            Process php = new ProcessBuilder("php", script.toString()).redirectErrorStream(true).start();
            assertThat(php.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains("[loginResult] => login_OK")
                    .contains("[transferSessionResult] => transferSessionRet_OK");
            assertThat(php.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * A report pulled as a public PHP wrapper of the vendor's API does it (edwinmugendi/logmein's
     * getReportV2, with the area setter at its current version): the setters, then getReport_v2, its
     * code read as {@code substr($result, 10)}, and {@code sReport} split on line breaks and on the
     * delimiter (a two-character one, as the vendor's PHP sample sets it), the last empty cell popped.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SOAP_1_1", "SOAP_1_2"})
    void aPhpReportClientReadsTheReportOutOfSReport(String soapVersion) throws Exception {
        assumeTrue(phpWithSoap(), "php with the soap extension is not installed (.ci/run installs it)");
        TestServer server = TestServer.get();
        TestAccount account = server.accounts().create(1);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String script = String.format("""
                <?php
                $c = new SoapClient("%s", array('cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => %s));
                $c->login(array('sEmail' => '%s', 'sPassword' => '%s'));
                echo $c->setReportArea_v8(array('eReportArea' => 'SESSION'))->setReportArea_v8Result, "\n";
                echo $c->setReportDate_v2(array('dBeginDate' => '%sT00:00:00', 'dEndDate' => '%sT23:59:59'))
                    ->setReportDate_v2Result, "\n";
                echo $c->setTimezone(array('sTimezone' => 0))->setTimezoneResult, "\n";
                echo $c->setDelimiter(array('sDelimiter' => '\\;'))->setDelimiterResult, "\n";
                $api = $c->getReport_v2(array('iNodeID' => %d, 'eNodeRef' => 'CHANNEL'));
                echo "code=", strtoupper(substr($api->getReport_v2Result, 10)), "\n";
                $lines = explode("\n", $api->sReport);
                $column = explode('\\;', $lines[0]);
                array_pop($column);
                $row = explode('\\;', trim($lines[1]));
                array_pop($row);
                echo "columns=", count($column), " cells=", count($row), " ", $column[7], "=", $row[7], "\n";
                ?>
                """, server.baseUri() + "api/api.asmx?wsdl", soapVersion, account.adminEmail(),
                TestAccounts.ADMIN_PASSWORD, today, today, account.channelId());
        Path file = Files.createTempFile("report", ".php");
        try {
            Files.writeString(file, script);
            Process php = new ProcessBuilder("php", file.toString()).redirectErrorStream(true).start();
            assertThat(php.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).isEqualTo("setReportArea_OK\nsetReportDate_OK\nsetTimezone_OK\nsetDelimiter_OK\n"
                    + "code=OK\ncolumns=36 cells=36 Session ID=" + account.sessionIds().get(0) + "\n");
            assertThat(php.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean phpWithSoap() {
        try {
            Process p = new ProcessBuilder("php", "-r", "exit(class_exists('SoapClient') ? 0 : 1);")
                    .redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
