package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.core.report.PreparedReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a report in its output format, row by row as the database streams them, to any
 * {@link Writer}: the {@code .aspx} reply's body after {@code OK\n\n}, or the SOAP reply's
 * {@code sReport} through an escaping writer. Never holds more than one row.
 *
 * <ul>
 *   <li>TEXT: a header line of column titles, then one line per row; every cell, the last included,
 *       is followed by the delimiter and every line ends with {@code \n}. Inside a cell, every character
 *       of the delimiter becomes {@code /} (or, when the delimiter holds a {@code /}, a space), and line
 *       breaks become spaces, so a line always splits into its columns.</li>
 *   <li>XML: {@code <report><header><field id="0">Start Time</field>...</header><data><row><field
 *       id="0">...</field>...</row>...</data></report>}, the header present even with no rows, every row
 *       holding every field of the header.</li>
 * </ul>
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes {@code report} to {@code out} (not closed, flushed); the number of rows. */
    public static long write(PreparedReport report, Writer out) throws IOException {
        Table table = report.output() == ReportOutput.XML ? new XmlTable(out) : new TextTable(out, report.delimiter());
        long rows;
        try {
            if (report.area() == ReportArea.SESSION) {
                table.header(ReportViews.SESSION_COLUMNS);
                rows = report.sessions(r -> table.row(ReportViews.session(r, report.zone())));
            } else {
                boolean extended = report.area() == ReportArea.TRANSFERRED_SESSIONS_EXTENDED;
                table.header(extended ? ReportViews.TRANSFER_EXTENDED_COLUMNS : ReportViews.TRANSFER_COLUMNS);
                rows = report.transfers(r -> table.row(ReportViews.transfer(r, report.zone(), extended)));
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // the caller went away mid-report
        }
        table.end();
        out.flush();
        return rows;
    }

    private interface Table {
        void header(List<String> titles) throws IOException;

        void row(String[] cells) throws IOException;

        void end() throws IOException;
    }

    private static final class TextTable implements Table {
        private final Writer out;
        private final String delimiter;
        private final char replacement;

        TextTable(Writer out, String delimiter) {
            this.out = out;
            this.delimiter = delimiter;
            this.replacement = delimiter.indexOf('/') < 0 ? '/' : delimiter.indexOf(' ') < 0 ? ' ' : '_';
        }

        @Override
        public void header(List<String> titles) throws IOException {
            for (String t : titles) {
                cell(t);
            }
            out.write('\n');
        }

        @Override
        public void row(String[] cells) throws IOException {
            for (String c : cells) {
                cell(c);
            }
            out.write('\n');
        }

        private void cell(String value) throws IOException {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.write(' ');
                } else if (delimiter.indexOf(c) >= 0) {
                    out.write(replacement);
                } else {
                    out.write(c);
                }
            }
            out.write(delimiter);
        }

        @Override
        public void end() {
        }
    }

    private static final class XmlTable implements Table {
        private final Writer out;

        XmlTable(Writer out) {
            this.out = out;
        }

        @Override
        public void header(List<String> titles) throws IOException {
            out.write("<report><header>");
            for (int i = 0; i < titles.size(); i++) {
                field(i, titles.get(i));
            }
            out.write("</header><data>");
        }

        @Override
        public void row(String[] cells) throws IOException {
            out.write("<row>");
            for (int i = 0; i < cells.length; i++) {
                field(i, cells[i]);
            }
            out.write("</row>");
        }

        private void field(int id, String value) throws IOException {
            out.write("<field id=\"");
            out.write(Integer.toString(id));
            out.write("\">");
            escape(value, out);
            out.write("</field>");
        }

        @Override
        public void end() throws IOException {
            out.write("</data></report>");
        }
    }

    /**
     * Writes {@code s} as XML character data: markup escaped, a carriage return as a reference (a parser
     * would turn a raw one into a line feed), characters XML 1.0 cannot hold as spaces. The one escaping
     * of every XML reply, the streamed reports' and SOAP's ({@code Xml.escape}).
     */
    public static void escape(String s, Appendable out) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n') || c == '\uFFFE' || c == '\uFFFF'
                            || (Character.isSurrogate(c) && !validPair(s, i))) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
