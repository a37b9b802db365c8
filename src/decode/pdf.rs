//! Clean the text layer of a PDF (as `pdftotext -layout` writes it) into text the parser can
//! segment: pages joined without their furniture, words split at line ends rejoined, layout
//! whitespace reduced.
//!
//! Pure text processing; the binary runs `pdftotext`. Rules, in order:
//!
//! 1. pages are split at form feeds; page numbers (`3`, `- 3 -`, `Page 2 of 13`) at the top or
//!    bottom of a page, and any line that is only `Page N of M`, are dropped;
//! 2. a running header or footer (the same line, digits aside, among the first or last two lines
//!    of most pages) is dropped;
//! 3. lines holding only superscript ordinals (`th`, `st`), which `-layout` puts on a line of
//!    their own above the number, are dropped, and `19 th` becomes `19th`;
//! 4. a short right-aligned fragment under a line (an action owner or `Noted` pushed to the next
//!    line) is appended to that line after a column gap;
//! 5. indentation is removed, column gaps (3+ spaces) become four spaces, trailing spaces go;
//! 6. `recom-` / `mendation` across a line end becomes `recommendation`;
//! 7. more than one blank line in a row becomes one.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// The column gap written between layout columns on one line.
const GAP: &str = "    ";

/// Clean `pdftotext` output. Never panics; an empty input gives an empty text.
pub fn clean_pdf_text(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let mut pages: Vec<Vec<String>> = raw.split('\u{c}').map(|p| p.lines().map(str::to_string).collect()).collect();
    while pages.last().is_some_and(|p| p.iter().all(|l| l.trim().is_empty())) {
        pages.pop();
    }
    for page in &mut pages {
        drop_page_numbers(page);
    }
    drop_running_lines(&mut pages);
    let mut lines: Vec<String> = Vec::new();
    for page in &pages {
        let width = page.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
        for line in page {
            push_layout_line(&mut lines, line, width);
        }
        lines.push(String::new());
    }
    let lines: Vec<String> = lines.iter().map(|l| normalise_line(l)).collect();
    let lines = join_hyphenated(lines);
    let mut out = String::new();
    let mut blank = true;
    for l in &lines {
        if l.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(l);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn is_page_number(line: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:page|tudalen)\s*\d{1,4}(?:\s*(?:of|/|o)\s*\d{1,4})?|\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])$")
            .expect("page number regex")
    });
    PAGE.is_match(line.trim())
}

fn is_page_of(line: &str) -> bool {
    static PAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:page|tudalen)\s*\d{1,4}\s*(?:of|/|o)\s*\d{1,4}$").expect("page of regex")
    });
    PAGE_OF.is_match(line.trim())
}

/// Indices of the first and last `n` non-blank lines of a page.
fn edge_lines(page: &[String], n: usize) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].trim().is_empty()).collect();
    let mut idx: Vec<usize> = filled.iter().take(n).copied().collect();
    idx.extend(filled.iter().rev().take(n).copied());
    idx.sort_unstable();
    idx.dedup();
    idx
}

fn drop_page_numbers(page: &mut Vec<String>) {
    let edges = edge_lines(page, 2);
    let mut keep = vec![true; page.len()];
    for i in edges {
        if is_page_number(&page[i]) {
            keep[i] = false;
        }
    }
    for (i, l) in page.iter().enumerate() {
        if is_page_of(l) {
            keep[i] = false;
        }
    }
    let mut k = keep.into_iter();
    page.retain(|_| k.next().unwrap_or(true));
}

/// A line as a running-header key: digits as `#`, whitespace collapsed, lower case.
fn running_key(line: &str) -> String {
    let s: String =
        line.trim().chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drop lines that repeat at the top or bottom of most pages. Only lines with a digit or of
/// three words or more qualify, so a repeated `Noted` or `Clerk` column entry is kept.
fn drop_running_lines(pages: &mut [Vec<String>]) {
    let n = pages.len();
    if n < 2 {
        return;
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut seen: Vec<String> = edge_lines(page, 2).into_iter().map(|i| running_key(&page[i])).collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let need = if n == 2 { 2 } else { (n * 3).div_ceil(5).max(2) };
    let running = |k: &str| {
        counts.get(k).is_some_and(|&c| c >= need)
            && (k.contains('#') || k.split_whitespace().count() >= 3)
            && k.chars().filter(|c| c.is_alphanumeric()).count() >= 4
    };
    for page in pages.iter_mut() {
        let drop: Vec<usize> = edge_lines(page, 2).into_iter().filter(|&i| running(&running_key(&page[i]))).collect();
        for i in drop.into_iter().rev() {
            page.remove(i);
        }
    }
}

fn is_ordinal_line(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| matches!(w, "st" | "nd" | "rd" | "th"))
}

/// Add a page line to the output, appending a right-aligned fragment to the line above.
fn push_layout_line(lines: &mut Vec<String>, line: &str, width: usize) {
    let line = line.trim_end();
    if is_ordinal_line(line) {
        return;
    }
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    let len = line.chars().count();
    let content = line.trim_start();
    let right_aligned = indent >= 40 && len + 12 >= width && content.chars().count() <= 40 && !content.contains(GAP);
    if right_aligned {
        if let Some(prev) = lines.last_mut().filter(|p| !p.trim().is_empty() && !p.contains("   ")) {
            prev.push_str(GAP);
            prev.push_str(content);
            return;
        }
    }
    lines.push(line.to_string());
}

/// Remove indentation, reduce column gaps to [`GAP`], write `19 th` as `19th`.
fn normalise_line(line: &str) -> String {
    static GAPS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \t\u{a0}]{3,}").expect("gap regex"));
    static ORDINAL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2}) (st|nd|rd|th)\b").expect("ordinal regex"));
    let t = line.trim();
    let t = GAPS.replace_all(t, GAP);
    ORDINAL.replace_all(&t, "$1$2").into_owned()
}

/// Join a word hyphenated across a line end: `recom-` + `mendation ...`.
fn join_hyphenated(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut iter = lines.into_iter().peekable();
    while let Some(mut line) = iter.next() {
        let mut joined = false;
        while ends_with_split_word(&line) && iter.peek().is_some_and(|n| n.starts_with(char::is_lowercase)) {
            let next = iter.next().unwrap_or_default();
            line.pop();
            let (word, rest) = next.split_once(' ').unwrap_or((&next, ""));
            line.push_str(word);
            out.push(line);
            line = rest.trim_start().to_string();
            joined = true;
        }
        if !(joined && line.is_empty()) {
            out.push(line);
        }
    }
    out
}

/// A line ending in a letter and a hyphen (`recom-`), not a dash (` -`) or a column gap.
fn ends_with_split_word(line: &str) -> bool {
    let mut rev = line.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_form_feeds_go() {
        let raw = "1\n\nMINUTES\nText one.\n\u{c}2\n\nText two.\n- 3 -\n\u{c}Text three.\nPage 3 of 13\n\u{c}";
        assert_eq!(clean_pdf_text(raw), "MINUTES\nText one.\n\nText two.\n\nText three.\n");
    }

    #[test]
    fn running_header_and_footer_go() {
        let page = |n: usize, body: &str| {
            format!("Stoke Ferry Parish Council minutes\n{body}\nSigned ........ Date {n}/01/2020\n\u{c}")
        };
        let raw = [page(1, "One."), page(2, "Two."), page(3, "Three.")].concat();
        assert_eq!(clean_pdf_text(&raw), "One.\n\nTwo.\n\nThree.\n");
    }

    #[test]
    fn repeated_short_column_entries_stay() {
        let raw = "a\nb   Noted\n\u{c}c\nd   Noted\n\u{c}e\nf   Noted\n";
        assert!(clean_pdf_text(raw).matches("Noted").count() == 3);
    }

    #[test]
    fn hyphenated_words_are_joined() {
        let raw = "the recom-\nmendation was agreed\nwell - \nKnown-\nWords stay\n";
        assert_eq!(clean_pdf_text(raw), "the recommendation\nwas agreed\nwell -\nKnown-\nWords stay\n");
    }

    #[test]
    fn layout_whitespace_and_ordinals() {
        let raw = "                 MEETING 10th JULY 2019\n                                     th\n\
                   on the 19 th June.                                      Clerk\n";
        assert_eq!(clean_pdf_text(raw), "MEETING 10th JULY 2019\non the 19th June.    Clerk\n");
    }

    #[test]
    fn right_aligned_owner_joins_the_line_above() {
        let raw =
            format!("{}\nbags would again be reported to C.C.C.\n{}Cllr. J. Davies\n", "x".repeat(100), " ".repeat(85));
        assert!(clean_pdf_text(&raw).contains("reported to C.C.C.    Cllr. J. Davies\n"));
    }

    #[test]
    fn empty_and_odd_input() {
        assert_eq!(clean_pdf_text(""), "");
        assert_eq!(clean_pdf_text("\u{c}\u{c}\n"), "");
        let _ = clean_pdf_text("-\n-\nab-\n");
    }
}
