package io.sessiongate.bench;

import io.sessiongate.core.websession.SecureTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the server with wrk, through Lua scripts that rotate over many sessions, targets and callers. */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "BENCH requests=(\\d+) duration_us=(\\d+) errors=(\\d+) p50=(\\d+) p99=(\\d+) p999=(\\d+)");
    private static final Pattern FIRST_ERROR = Pattern.compile("BENCH first_error (.*)");

    private static final String COMMON = """
            errors = 0
            first_error = ""
            local threads = {}
            function setup(thread)
              thread:set("id", #threads)
              table.insert(threads, thread)
            end
            function init(args)
              math.randomseed(os.time() + math.floor(os.clock() * 1000000))
            end
            function cookie(i)
              local s = "cbench" .. i .. "x"
              return s .. string.rep("0", 48 - #s)
            end
            function seen(status, body) end
            -- wrk calls thread 0's request() once before the run to check what it returns, and never sends
            -- that request: a script that rotates deterministically must not count that call.
            local checked = false
            function checking()
              if id == 0 and not checked then
                checked = true
                return true
              end
              return false
            end
            function response(status, headers, body)
              if not ok(status, body) then
                errors = errors + 1
                if first_error == "" then
                  first_error = (status .. " " .. string.sub(body or "", 1, 160)):gsub("[\\r\\n]", " ")
                end
              end
              seen(status, body)
            end
            function done(summary, latency, requests)
              local e = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
              local first = ""
              for _, t in ipairs(threads) do
                e = e + t:get("errors")
                if first == "" then first = t:get("first_error") end
              end
              io.write(string.format("BENCH requests=%d duration_us=%d errors=%d p50=%d p99=%d p999=%d\\n",
                summary.requests, summary.duration, e, latency:percentile(50), latency:percentile(99),
                latency:percentile(99.9)))
              if first ~= "" then io.write("BENCH first_error " .. first .. "\\n") end
            end
            """;

    /** The page size of the list operations. */
    static final int PAGE = 50;

    private final Path scripts;
    private final ServerCpu cpu;

    /** @param cpu the server's CPU, read just before and just after each run */
    Wrk(Path scripts, ServerCpu cpu) {
        this.scripts = scripts;
        this.cpu = cpu;
    }

    /**
     * The Lua script of an operation, with the dataset's IDs filled in. The operations that must not
     * reuse a technician or a session too soon (pin-join, start) rotate deterministically over the
     * dataset, each of wrk's {@code threads} over its own share (thread {@code id} takes every
     * {@code threads}-th), so that no two threads ever pick the same one.
     */
    static String script(String operation, Dataset d, int threads) {
        int share = d.technicians() / threads;
        String op = switch (operation) {
            case "ping" -> """
                    function ok(status, body) return status == 200 end
                    request = function() return wrk.format("GET", "/ping") end
                    """;
            case "transfer" -> """
                    function ok(status, body) return status == 200 and body == "OK" end
                    request = function()
                      local s = %d + math.random(0, %d)
                      local path
                      if math.random() < 0.5 then
                        path = "/API/transferSession.aspx?session=" .. s .. "&node=" .. (%d + math.random(0, %d))
                      else
                        path = "/API/transferSession.aspx?session=" .. s .. "&node=" .. (%d + math.random(0, %d))
                          .. "&noderef=CHANNEL"
                      end
                      return wrk.format("GET", path, {["Cookie"] = "ASP.NET_SessionId=" .. cookie(math.random(1, %d))})
                    end
                    """.formatted(Dataset.SESSION_BASE, d.supportSessions() - 1, Dataset.TECH_BASE,
                    d.technicians() - 1, Dataset.CHANNEL_BASE, Dataset.CHANNELS - 1, d.callers());
            case "update" -> """
                    function ok(status, body) return status == 200 end
                    request = function()
                      local body = '{"SessionSurrogate":"' .. (%d + math.random(0, %d)) .. '","SessionSiteKey":"%s",'
                        .. '"SessionStatus":"A","IpAddress":"10.0.' .. math.random(0, 255) .. '.'
                        .. math.random(1, 254) .. '"}'
                      return wrk.format("POST", "/APIServer/Session.Update", {["Content-Type"] = "application/json",
                        ["Cookie"] = "ASP.NET_SessionId=" .. cookie(math.random(1, %d))}, body)
                    end
                    """.formatted(d.firstTargetWebSession(), d.webSessions() - 1, Dataset.SITE, d.callers());
            // requestPINCode by each technician in turn (the poll rate allows one a second per user), and
            // for each PIN the customer's join: response() queues the PIN, request() sends its join first.
            case "pin-join" -> """
                    local pins = {}
                    local k = 0
                    function ok(status, body)
                      if string.sub(body, 1, 11) == "OK\\nPINCODE:" then return status == 200 end
                      return status == 201 and string.find(body, '"status":"WAITING"', 1, true) ~= nil
                    end
                    function seen(status, body)
                      local pin = string.match(body, "^OK\\nPINCODE:(%%d%%d%%d%%d%%d%%d)")
                      if pin then table.insert(pins, pin) end
                    end
                    function authcode(i)
                      local s = "pbench" .. i .. "x"
                      return s .. string.rep("0", %d - #s)
                    end
                    request = function()
                      if checking() then return wrk.format("GET", "/ping") end
                      local pin = table.remove(pins, 1)
                      if pin then
                        return wrk.format("POST", "/api/v1/customer/sessions", {["Content-Type"] = "application/json"},
                          '{"pinCode":"' .. pin .. '","name":"Bench customer"}')
                      end
                      local t = id + %d * (k %% %d)
                      k = k + 1
                      return wrk.format("GET", "/API/requestPINCode.aspx?authcode=" .. authcode(t)
                        .. "&cfield0=Customer%%20" .. t .. "&tracking0=bench")
                    end
                    """.formatted(SecureTokens.AUTH_CODE_LENGTH, threads, share);
            // Each technician's own session: started (On Hold to Active) on one pass over the share, held on the
            // next; a session comes round again only after the whole share, long after its last reply.
            case "start" -> """
                    local k = 0
                    function ok(status, body) return status == 200 and body == "OK" end
                    request = function()
                      if checking() then return wrk.format("GET", "/ping") end
                      local t = id + %d * (k %% %d)
                      local path
                      if math.floor(k / %d) %% 2 == 0 then
                        path = "/API/startSession.aspx?session=" .. (%d + t) .. "&node=" .. (%d + t)
                      else
                        path = "/API/holdSession.aspx?session=" .. (%d + t)
                      end
                      k = k + 1
                      return wrk.format("GET", path, {["Cookie"] = "ASP.NET_SessionId=" .. cookie(1 + k %% %d)})
                    end
                    """.formatted(threads, share, share, Dataset.START_BASE, Dataset.TECH_BASE, Dataset.START_BASE,
                    d.callers());
            case "sessions-page" -> """
                    local k = 0
                    function ok(status, body) return status == 200 and string.sub(body, 1, 11) == '{"items":[{' end
                    request = function()
                      k = k + 1
                      return wrk.format("GET", "/api/v1/accounts/%s/support-sessions?channelId=" .. (%d + k %% %d)
                        .. "&limit=%d", {["Authorization"] = "Bearer %s"})
                    end
                    """.formatted(Dataset.SITE, Dataset.CHANNEL_BASE, Dataset.CHANNELS, PAGE, Dataset.apiToken());
            case "events-page" -> """
                    function ok(status, body) return status == 200 and string.sub(body, 1, 11) == '{"items":[{' end
                    request = function()
                      return wrk.format("GET", "/api/v1/accounts/%s/events?limit=%d", {["Authorization"] = "Bearer %s"})
                    end
                    """.formatted(Dataset.SITE, PAGE, Dataset.apiToken());
            default -> throw new IllegalArgumentException(operation);
        };
        return COMMON + op;
    }

    LoadResult run(String operation, Dataset d, String baseUrl, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = scripts.resolve(operation + ".lua");
        int threads = Math.min(2, connections);
        Files.writeString(script, script(operation, d, threads));
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl));
        ServerCpu.Reading before = cpu.read();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        ServerCpu.Reading after = cpu.read();
        LoadResult r = parse(operation, connections, out);
        return r.withCpu(ServerCpu.millisPerRequest(after.nanosSince(before), r.requests()),
                ServerCpu.millisPerRequestByRole(after.nanosByRoleSince(before), r.requests()));
    }

    static LoadResult parse(String operation, int connections, String output) {
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no result in wrk's output: " + output);
        }
        Matcher first = FIRST_ERROR.matcher(output);
        return new LoadResult(operation, connections, Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)) / 1000.0,
                Long.parseLong(m.group(5)) / 1000.0, Long.parseLong(m.group(6)) / 1000.0, null, Map.of(),
                first.find() ? first.group(1).trim() : null, null);
    }
}
