/*
 * html_page.c - what every HTML report shares: escaping, the page frame
 * with its inline style sheet and script, numbers and times.
 *
 * Design decisions:
 *  - html_escape() is the only way text enters the page.  It escapes the
 *    five characters that matter in text and quoted attributes, and
 *    replaces invalid UTF-8 and control characters (which HTML calls parse
 *    errors) with U+FFFD, so that log bytes can never become markup.
 *  - The page needs no network: system fonts, inline CSS; the script only
 *    adds sorting to tables marked "sortable" and copy buttons, and the
 *    page reads and prints the same without it.
 *  - Print style: no buttons, no backgrounds needed to read anything
 *    (severity is written as a word, charts have patterns and outlines).
 */
#include "report/html.h"

#include <string.h>

static const char style_sheet[] =
    ":root{color-scheme:light}"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#111;background:#fff;margin:0}"
    "main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}"
    "h1{font-size:1.6em;margin:.4em 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .4em;"
    "border-bottom:2px solid #111;padding-bottom:2px}h3{font-size:1.05em;margin:1em 0 .3em}"
    ".meta{color:#444}"
    ".cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0;list-style:none}"
    ".cards li{border:1px solid #888;border-radius:4px;padding:6px 10px;min-width:90px}"
    ".cards .n{display:block;font-size:1.5em;font-weight:700}"
    "table{border-collapse:collapse;width:100%;margin:6px 0 4px}"
    "th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}"
    "th{background:#eee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    "th button{all:unset;cursor:pointer;font-weight:700}th button:focus-visible{outline:2px solid #111}"
    "th[aria-sort=ascending] button::after{content:' \\25B2'}"
    "th[aria-sort=descending] button::after{content:' \\25BC'}"
    "code,pre{font:12.5px/1.4 ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace}"
    "pre{background:#f6f6f6;border:1px solid #ccc;padding:6px 8px;white-space:pre-wrap;"
    "overflow-wrap:anywhere;margin:4px 0}"
    ".copywrap{position:relative}.copy{position:absolute;top:3px;right:3px;font-size:11px}"
    ".sev{display:inline-block;min-width:5.5em;text-align:center;font-weight:700;"
    "font-size:.8em;padding:0 4px;border-radius:3px}"
    ".sev-error{background:#111;color:#fff;border:2px solid #111}"
    ".sev-warning{background:#fff;color:#111;border:2px solid #111}"
    ".sev-note{background:#fff;color:#333;border:1px dashed #555}"
    ".finding{border-left:4px solid #111;padding:2px 0 2px 10px;margin:10px 0}"
    ".finding.note{border-left-style:dashed}.finding.warning{border-left-style:double;"
    "border-left-width:6px}"
    ".check{font-family:ui-monospace,monospace;font-size:.9em;color:#333}"
    ".loc{font-family:ui-monospace,monospace;font-size:.9em}"
    ".mark{display:inline-block;border:1px solid #111;border-radius:3px;font-size:.78em;"
    "padding:0 4px;margin:0 2px 2px 0;white-space:nowrap}"
    ".mark.strong{background:#111;color:#fff}"
    "tr.flagged td{background:#fff4d6}tr.ghost td{border-style:dashed;color:#333;"
    "background:#f4f4f4}"
    "tr.disabled td{color:#777;text-decoration:line-through}"
    ".rule{font-family:ui-monospace,monospace;font-size:12px;overflow-wrap:anywhere}"
    ".capped{font-style:italic;color:#444}"
    "svg.chart{max-width:100%;height:auto;display:block;margin:6px 0}"
    "svg text{font:11px system-ui,sans-serif;fill:#111}svg text.nodata{fill:#555}"
    "svg.spark{vertical-align:middle}"
    "nav ul{margin:.2em 0;padding-left:1.2em;columns:2}"
    ".skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff}"
    "@media print{.copy,nav,.skip{display:none}main{max-width:none;padding:0}"
    "h2{break-after:avoid}tr,.finding,svg{break-inside:avoid}"
    "tr.flagged td{background:none;font-weight:600}a{color:inherit;text-decoration:none}}";

/* Sorting: click a header button of a table.sortable; numeric cells carry
 * data-v.  Copy: the button's data-copy names the <pre> to copy. */
static const char script[] =
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "var hs=t.tHead?t.tHead.rows[0].cells:[];"
    "Array.prototype.forEach.call(hs,function(th,i){var b=th.querySelector('button');"
    "if(!b)return;b.addEventListener('click',function(){"
    "var d=th.getAttribute('aria-sort')==='descending'?1:-1;"
    "Array.prototype.forEach.call(hs,function(h){h.removeAttribute('aria-sort')});"
    "th.setAttribute('aria-sort',d>0?'ascending':'descending');"
    "var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);"
    "rows.sort(function(a,c){var x=a.cells[i],y=c.cells[i];"
    "var p=x.getAttribute('data-v'),q=y.getAttribute('data-v');"
    "if(p!==null&&q!==null)return d*(parseFloat(p)-parseFloat(q));"
    "return d*x.textContent.localeCompare(y.textContent)});"
    "rows.forEach(function(r){tb.appendChild(r)})})})});"
    "document.querySelectorAll('button.copy').forEach(function(b){"
    "b.addEventListener('click',function(){var p=document.getElementById(b.dataset.copy);"
    "if(p&&navigator.clipboard)navigator.clipboard.writeText(p.textContent)"
    ".then(function(){b.textContent='Copied'},function(){})})});"
    "document.documentElement.setAttribute('data-script','ok');";

static void
append_replacement(GString *out)
{
    g_string_append(out, "\xef\xbf\xbd"); /* U+FFFD */
}

void
html_escape(GString *out, const char *s)
{
    if (s == NULL)
        return;
    const char *p = s;
    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            append_replacement(out);
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        switch (c) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&#39;"); break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) ||
                (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
                append_replacement(out);
            else
                g_string_append_len(out, p, next - p);
        }
        p = next;
    }
}

void
html_escape_truncated(GString *out, const char *s, glong max_chars)
{
    if (s == NULL)
        return;
    char *valid = g_utf8_make_valid(s, -1);
    if (g_utf8_strlen(valid, -1) <= max_chars) {
        html_escape(out, valid);
    } else {
        char *cut = g_utf8_substring(valid, 0, MAX(max_chars - 1, 1));
        html_escape(out, cut);
        g_string_append(out, "\xe2\x80\xa6"); /* … */
        g_free(cut);
    }
    g_free(valid);
}

void
html_page_begin(GString *out, const char *title)
{
    g_string_append(out,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"nfw-advisor " NFW_ADVISOR_VERSION "\">\n"
                    "<title>");
    html_escape(out, title);
    g_string_append(out, "</title>\n<style>");
    g_string_append(out, style_sheet);
    g_string_append(out, "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to "
                         "content</a>\n<main id=\"main\">\n");
}

void
html_page_end(GString *out)
{
    g_string_append(out, "<footer class=\"meta\"><p>Generated by nfw-advisor " NFW_ADVISOR_VERSION
                         ". Self-contained: no network access needed; "
                         "charts are inline SVG.</p></footer>\n</main>\n<script>");
    g_string_append(out, script);
    g_string_append(out, "</script>\n</body>\n</html>\n");
}

void
html_append_count(GString *out, guint64 n)
{
    char digits[32];
    int len = g_snprintf(digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c(out, ',');
        g_string_append_c(out, digits[i]);
    }
}

void
html_append_time_us(GString *out, gint64 us)
{
    if (us == 0) {
        g_string_append(out, "\xe2\x80\x93"); /* – */
        return;
    }
    char *s = base_utc_format(us / G_USEC_PER_SEC, "%Y-%m-%d %H:%M:%SZ");
    g_string_append(out, s ? s : "?");
    g_free(s);
}

void
html_append_copyable(GString *out, const char *id, const char *text)
{
    g_string_append_printf(out,
                           "<div class=\"copywrap\"><button type=\"button\" class=\"copy\" "
                           "data-copy=\"%s\" aria-label=\"Copy rule text\">Copy</button>"
                           "<pre id=\"%s\"><code>",
                           id, id);
    html_escape(out, text);
    g_string_append(out, "</code></pre></div>\n");
}
