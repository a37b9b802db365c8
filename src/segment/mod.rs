//! Stage 2, segment: cut the [`Source`] into an [`Outline`] of header, agenda items,
//! numbered paragraphs with sub-lists, and decision blocks with clauses. Structure only:
//! who speaks and what dates mean is `extract`'s job.
//!
//! Segmenting never fails. Every non-blank byte ends up in the header, an item, or the
//! outline's `unclassified` list (reported as the `unclassified` diagnostic).
//!
//! The steps: [`lines`] splits the text; `find_headings` finds where items start (ModernGov
//! "Agenda item" pages, flattened "No. | Item |" tables, numbered headings); `item_body`
//! runs a small state machine over the item's pieces (a piece is a line, or part of a line
//! split at a "Minutes:" marker), using the nom parsers in [`labels`].

mod decisions;
pub(crate) use decisions::{clause_start, has_full_stop, note_style, roll_entry};
mod flat;
mod headings;
pub(crate) mod labels;
pub(crate) mod lines;
pub(crate) mod outline;
mod transcript;

use crate::diagnostics::{Code, Diagnostics};
use crate::source::{Source, Span};
use labels::{decision_start, document_marker, label, DecisionKind, LabelKind};
use lines::{trim_span, Line};
pub(crate) use outline::*;

/// Where an item starts and how its heading reads.
#[derive(Clone, Debug)]
pub(super) struct Heading {
    /// First byte of the item.
    pub start: usize,
    pub number: Option<String>,
    pub title: Option<Span>,
    pub lost_title: bool,
    /// Where the item's body begins.
    pub body_start: usize,
    pub documents: Vec<DocLink>,
}

/// Whether every heading is numbered with a plain count ("5", "5.1" counts as 5) and the
/// count skips a number somewhere ("4. ... 6.").
fn numbering_has_holes(headings: &[Heading]) -> bool {
    let values: Option<Vec<u64>> =
        headings.iter().map(|h| h.number.as_deref()?.split('.').next()?.parse().ok()).collect();
    values.is_some_and(|v| v.windows(2).any(|w| w[1] > w[0].saturating_add(1)))
}

/// Markers that ModernGov puts between a title and the minutes' text.
const BODY_MARKERS: [&str; 3] = ["Minutes:", "Decision:", "Additional documents:"];

/// Segment a source into an outline.
pub(crate) fn segment(src: &Source, diags: &mut Diagnostics) -> Outline {
    let text = src.text.as_str();
    // Flattened minutes (one long line) are cut before their inline minute references.
    let mut lines = flat::cut_inline_refs(text, lines::lines(text));
    let mut headings = headings::promote_sub_headings(text, &lines, find_headings(text, &lines));
    // No heading at all: flattened minutes numbered inline ("1. Apologies ... 2. No
    // Declarations ... 3. ...") are cut before their numbers and read again.
    // So too when the numbered headings found leave holes ("5. ... 9.") and the run inline
    // has more members than they.
    if headings.is_empty() || numbering_has_holes(&headings) {
        if let Some((cut, members)) = flat::cut_inline_numbers(text, lines.clone()) {
            // With holes, only when every heading found is a member of the run: a list of
            // points inside an item ("1. Extension at 5 High Street ... 2. ...") is no run of
            // the items' numbers.
            let members_all = headings.iter().all(|h| members.iter().any(|&(at, _)| at == h.start));
            if members.len() > headings.len() && members_all {
                let found = find_headings(text, &cut);
                // The generic forms may see a few of the numbered lines; the run sees them all.
                headings =
                    if found.len() < members.len() { headings::inline_number_headings(text, &members) } else { found };
                lines = cut;
            }
        }
    }
    // A verbatim transcript after the minutes: its items start at the clerk's readings.
    let transcript = transcript::find(text).map(|t| t.items).unwrap_or_default();
    if let Some(&(first, _)) = transcript.first() {
        headings.retain(|h| h.start < first);
        headings.extend(transcript.iter().map(|(start, number)| Heading {
            start: *start,
            number: number.clone(),
            title: None,
            lost_title: false,
            body_start: *start,
            documents: Vec::new(),
        }));
    }
    // "1. Present: ..." opening the minutes is the attendance list, preamble (GOLD.md), not an
    // agenda item, numbered or not; when it is only that list (not the whole minutes under a
    // "Councillors present" heading, where the next heading was missed).
    if headings.len() > 1
        && headings[0].title.is_some_and(|t| is_attendance_title(&text[t.start..t.end]))
        && only_a_list(&text[headings[0].start..headings[1].start])
    {
        headings.remove(0);
    }
    let mut outline = Outline { lines: lines.iter().map(|l| l.content).collect(), ..Outline::default() };
    let first = headings.first().map_or(text.len(), |h| h.start);
    let header = trim_span(text, Span::new(0, first));
    if !header.is_empty() {
        if headings.is_empty() {
            outline.unclassified.push(header);
        } else {
            outline.header = Some(header);
            outline.header_lines =
                lines.iter().filter(|l| !l.is_blank() && l.content.end <= first).map(|l| l.content).collect();
        }
    }
    for (i, h) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(text.len(), |n| n.start);
        let span = trim_span(text, Span::new(h.start, end));
        let body = Span::new(h.body_start.min(span.end), span.end);
        let spoken = transcript.iter().any(|(start, _)| *start == h.start);
        let mut item = ItemBlock {
            span,
            number: h.number.clone(),
            title: h.title,
            lost_title: h.lost_title,
            spoken,
            paragraphs: Vec::new(),
            resolutions: Vec::new(),
            documents: h.documents.clone(),
        };
        if spoken {
            // Spoken words: one paragraph a turn, and no decisions (the minutes record those).
            transcript_body(text, body, &mut item);
        } else {
            item_body(text, &lines, body, &mut item);
            narrative_decisions(text, &mut item);
        }
        check_numbering(text, &item, diags);
        if item.lost_title {
            diags.warn(Code::LostTitle, "agenda item has no title in the source", Span::new(span.start, span.start));
        }
        outline.items.push(item);
    }
    if outline.items.is_empty() && !text.trim().is_empty() {
        diags.warn(Code::NoItems, "no agenda item found; is this a document of minutes?", Span::new(0, 0));
    }
    if let Some(n) = listing(text) {
        diags.warn(
            Code::Listing,
            format!("{n} of the text's paragraphs are excerpts cut short (\"...\"): a listing of other documents, not one meeting's minutes"),
            Span::new(0, 0),
        );
    }
    outline
}

/// Least excerpts for a text to be a listing.
const LISTING_MIN_EXCERPTS: usize = 3;

/// Whether `text` is a listing of other documents (an archive's index, category or search
/// page): at least [`LISTING_MIN_EXCERPTS`] paragraphs of prose, and at least four in five of
/// them, end in an ellipsis ("... held on 10 June 2015 Attendance: D Clements..."). Minutes
/// quote a trailing "..." now and then; over the bulk corpus no meeting's text has more than
/// a quarter of its paragraphs so, and the listing pages have all of them. Returns the
/// number of excerpts when the text is a listing.
fn listing(text: &str) -> Option<usize> {
    let (mut prose, mut cut) = (0usize, 0usize);
    let mut judge = |block: &str| {
        let block = block.trim();
        // Headings and short lines (titles, dates) are no excerpts (length as with "\n" line
        // ends).
        // (`memchr` for the '\r' bytes, and only for a block long enough: `str::matches` set
        // up a two-way searcher for every block of every document.)
        let b = block.as_bytes();
        let crlf = || memchr::memchr_iter(b'\r', b).filter(|&i| b.get(i + 1) == Some(&b'\n')).count();
        if b.len() <= 40 || b.len() - crlf() <= 40 || block.starts_with('#') {
            return;
        }
        prose += 1;
        if ["...", "…", "[…]", "[...]"].iter().any(|e| block.ends_with(e)) {
            cut += 1;
        }
    };
    // Blocks between blank lines (a line of white space only, any line ending), read in place:
    // this runs on every document.
    // (The lines of `split('\n')`, the last one after the last newline included, found with
    // `memchr`: `str::split` searched for each newline anew, ~230 instructions a line.)
    let (mut block, mut at) = (None::<(usize, usize)>, 0);
    for b in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let (a, line) = (at, &text[at..b]);
        at = b + 1;
        if line.trim().is_empty() {
            if let Some((s, e)) = block.take() {
                judge(&text[s..e]);
            }
        } else {
            block = Some(block.map_or((a, b), |(s, _)| (s, b)));
        }
    }
    if let Some((s, e)) = block {
        judge(&text[s..e]);
    }
    (cut >= LISTING_MIN_EXCERPTS && cut * 5 >= prose * 4).then_some(cut)
}

pub(super) fn content<'t>(text: &'t str, l: &Line) -> &'t str {
    &text[l.content.start..l.content.end]
}

/// Find item starts. ModernGov forms win over generic numbered headings: when a document has
/// "Agenda item" pages or a flattened item table, numbered lines inside are paragraphs.
fn find_headings(text: &str, lines: &[Line]) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut table_mode = false;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let c = content(text, l);
        if l.is_blank() {
            i += 1;
            continue;
        }
        if is_table_header(c) {
            table_mode = true;
            i += 1;
            continue;
        }
        let agenda_item = c.len() < 20 && c.get(..11).is_some_and(|h| h.eq_ignore_ascii_case("agenda item"));
        if agenda_item && (c.len() == 11 || c[11..].starts_with(' ')) {
            let number = c.get(12..).map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
            // The title is the next non-blank line unless that is already a marker.
            let mut j = i + 1;
            while j < lines.len() && lines[j].is_blank() {
                j += 1;
            }
            let (title, body_start, documents) = match lines.get(j) {
                Some(t) if !is_marker_line(content(text, t)) => {
                    let (title, docs) = split_title(text, t.content);
                    (Some(title), t.span.end, docs)
                }
                _ => (None, l.span.end, Vec::new()),
            };
            out.push(Heading {
                start: l.content.start,
                number,
                title,
                lost_title: title.is_none(),
                body_start,
                documents,
            });
            i = j.max(i + 1);
            continue;
        }
        if table_mode {
            if let Some(h) = table_heading(text, lines, i) {
                out.push(h);
            }
        }
        i += 1;
    }
    if out.is_empty() {
        out = headings::markdown_headings(text, lines);
        // A single numbered Markdown heading ("## 4. No Declarations ...") among numbered
        // lines that are the real agenda: the numbered lines win when there are more of them.
        if out.len() == 1 {
            let numbered = headings::numbered_headings(text, lines);
            if numbered.len() > 1 {
                out = numbered;
            }
        }
    }
    if out.len() < 3 {
        let table = headings::table_headings(text, lines);
        if table.len() > out.len() {
            out = table;
        }
    }
    if out.is_empty() {
        out = headings::numbered_headings(text, lines);
    }
    if out.is_empty() {
        out = headings::colon_headings(text, lines);
    }
    if out.len() < 3 {
        let inline = headings::inline_numbered(text);
        if inline.len() > out.len() {
            out = inline;
        }
    }
    out
}

/// The most bytes an attendance list heading the minutes as their first item may hold
/// (twenty names with their roles).
const MAX_ATTENDANCE_ITEM: usize = 1200;

/// Whether an attendance item's text is only the list: one line, or lines short enough to be a
/// name each; no decision or task in it ("resolved", "agreed", " to "); no longer than
/// [`MAX_ATTENDANCE_ITEM`].
fn only_a_list(item: &str) -> bool {
    let item = item.trim();
    let one_line = item.lines().filter(|l| !l.trim().is_empty()).count() == 1;
    let decides = ["resolved", "agreed", " to "].iter().any(|w| item.to_ascii_lowercase().contains(w));
    item.len() <= MAX_ATTENDANCE_ITEM && !decides && (one_line || item.lines().skip(1).all(|l| l.trim().len() <= 60))
}

/// "Present", "Those present", "Councillors present", "Attendance": the title of an
/// attendance list.
fn is_attendance_title(title: &str) -> bool {
    let t = title.trim().trim_end_matches([':', '.', ' ']).to_ascii_lowercase();
    ["present", "those present", "councillors present", "members present", "attendance", "in attendance"]
        .contains(&t.as_str())
}

fn is_table_header(c: &str) -> bool {
    // Cheap test first: this runs on every line.
    if c.len() > 40 || !c.contains('|') {
        return false;
    }
    let squashed: String = c.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    squashed.starts_with("no.|item|") || squashed.starts_with("no|item|") || squashed == "item|"
}

fn is_marker_line(c: &str) -> bool {
    BODY_MARKERS.iter().any(|m| c.starts_with(m)) || c.starts_with("Supporting documents:")
}

/// Position of a " Minutes:" (or "Decision:") marker inside a line, with the marker's length.
fn find_marker(c: &str) -> Option<(usize, usize)> {
    // Both markers hold a colon: most lines have none, and a byte search says so at once.
    if !c.contains(':') {
        return None;
    }
    ["Minutes:", "Decision:"]
        .iter()
        .filter_map(|m| {
            lines::colon_ended_matches(c, m)
                .find(|&at| at == 0 || c[..at].ends_with(|ch: char| ch.is_whitespace() || ch == '|'))
                .map(|at| (at, m.len()))
        })
        .min()
}

/// A title with any "PDF 110 KB" marker and table pipes removed.
pub(super) fn split_title(text: &str, span: Span) -> (Span, Vec<DocLink>) {
    let s = &text[span.start..span.end];
    let s_trim = s.trim_end_matches(|c: char| c == '|' || c == ':' || c.is_whitespace());
    let mut end = span.start + s_trim.len();
    let mut docs = Vec::new();
    if let Some((at, format, size)) = document_marker(s_trim) {
        end = span.start + at;
        let title = trim_span(text, Span::new(span.start, end));
        docs.push(DocLink { title, format: Some(format), size: Some(size) });
    }
    (trim_span(text, Span::new(span.start, end)), docs)
}

/// In a flattened "No. | Item |" table, a row starts with the item's title: an unlabelled line
/// with a "Minutes:" marker, or a short line ending in "|", or an unlabelled line whose next
/// line carries the marker but cannot itself be a heading (it starts with a bullet).
fn table_heading(text: &str, lines: &[Line], i: usize) -> Option<Heading> {
    let l = &lines[i];
    let c = content(text, l);
    if label(c).is_some() || decision_start(c).is_some() {
        return None;
    }
    let heading = |title_end: usize, body_start: usize| {
        let title_span = Span::new(l.content.start, title_end);
        let (title, documents) = split_title(text, title_span);
        let raw = &text[title.start..title.end];
        let lost = title.is_empty() || raw.trim_end_matches(':').eq_ignore_ascii_case("additional documents");
        Heading {
            start: l.content.start,
            number: None,
            title: if lost { None } else { Some(title) },
            lost_title: lost,
            body_start,
            documents,
        }
    };
    if let Some((at, len)) = find_marker(c) {
        return Some(heading(l.content.start + at, l.content.start + at + len));
    }
    let trimmed = c.trim_end();
    if trimmed.ends_with('|') && trimmed.len() < 160 && !trimmed.trim_end_matches(['|', ' ']).ends_with('.') {
        return Some(heading(l.content.end, l.span.end));
    }
    let next = lines[i + 1..].iter().find(|n| !n.is_blank())?;
    let nc = content(text, next);
    if find_marker(nc).is_some() && label(nc).is_some_and(|lb| lb.kind == LabelKind::Bullet) {
        // The title line runs on into the minute's text.
        let end = headings::title_end(c.trim_end());
        return Some(heading(l.content.start + end.max(1).min(c.len()), l.span.end));
    }
    None
}

/// A piece of an item body: a line, or part of one split at a marker.
#[derive(Clone, Copy, Debug)]
struct Piece {
    span: Span,
    /// A blank line (or a marker) came before it.
    after_break: bool,
}

fn pieces(text: &str, lines: &[Line], body: Span) -> (Vec<Piece>, Option<usize>) {
    let mut out = Vec::new();
    let mut after_break = true;
    let mut docs_from = None;
    for l in lines {
        if l.span.end < body.start || l.span.start >= body.end {
            continue;
        }
        let start = l.content.start.max(body.start);
        let end = l.content.end.min(body.end);
        if l.is_blank() || start >= end {
            after_break = true;
            continue;
        }
        let mut span = trim_span(text, Span::new(start, end));
        if span.is_empty() {
            after_break = true;
            continue;
        }
        if text[span.start..span.end].starts_with("Supporting documents:") {
            docs_from = Some(span.start);
            break;
        }
        // Split at "Minutes:" markers (flattened tables put them mid-line).
        loop {
            let s = &text[span.start..span.end];
            match find_marker(s) {
                Some((at, len)) => {
                    let before = trim_span(text, Span::new(span.start, span.start + at));
                    if !before.is_empty() {
                        out.push(Piece { span: before, after_break });
                    }
                    after_break = true;
                    span = trim_span(text, Span::new(span.start + at + len, span.end));
                    if span.is_empty() {
                        break;
                    }
                }
                None => {
                    let s2 = s.strip_prefix("Additional documents:").map(|r| s.len() - r.len());
                    if let Some(skip) = s2 {
                        span = trim_span(text, Span::new(span.start + skip, span.end));
                        after_break = true;
                        if span.is_empty() {
                            break;
                        }
                    }
                    // Markdown table cells with raw list and break tags ("| SB | <ul><li>Tom
                    // talked to ... <li>Vote: ..."): each entry is a piece of its own.
                    let tags = html_break_tags(&text[span.start..span.end]);
                    if !tags.is_empty() {
                        let mut from = span.start;
                        for (a, b) in tags.into_iter().chain([(span.end - span.start, span.end - span.start)]) {
                            let part = trim_span(text, Span::new(from, span.start + a));
                            if !part.is_empty() {
                                out.push(Piece { span: part, after_break });
                            }
                            after_break = true;
                            from = span.start + b;
                        }
                        after_break = false;
                        break;
                    }
                    // "i. Newsletters ... ii. Email ... iii. Letter" run together on one line.
                    // "• The Clerk agreed ... • Cllr Janet Taylor agreed ...": bullets run
                    // together on one line, each an entry of its own.
                    let piece = &text[span.start..span.end];
                    let mut cuts = flat::inline_points(piece);
                    cuts.extend(flat::inline_bullets(piece));
                    cuts.sort_unstable();
                    cuts.dedup();
                    let mut from = span.start;
                    for at in cuts {
                        out.push(Piece { span: trim_span(text, Span::new(from, span.start + at)), after_break });
                        after_break = false;
                        from = span.start + at;
                    }
                    out.push(Piece { span: Span::new(from, span.end), after_break });
                    after_break = false;
                    break;
                }
            }
        }
    }
    (out, docs_from)
}

/// The raw HTML tags that break a line into list entries or lines ("<li>", "</li>", "<ul>",
/// "<br/>", "<p>" ...), as byte ranges of `s`, case-insensitive. Markdown keeps raw HTML as
/// written, and a table cell can hold a whole list that way. None when the text holds any
/// other tag: a raw HTML block ("<td>...<p align=right>") is no list written in Markdown, and
/// cutting it at its paragraphs would cut its table cells apart.
fn html_break_tags(s: &str) -> Vec<(usize, usize)> {
    const TAGS: &[&str] = &["li", "/li", "ul", "/ul", "ol", "/ol", "br", "br/", "br /", "p", "/p"];
    let mut out = Vec::new();
    if !s.as_bytes().contains(&b'<') {
        return out;
    }
    for (at, _) in s.match_indices('<') {
        let rest = &s.as_bytes()[at + 1..];
        let close = rest.iter().take(6).position(|&b| b == b'>');
        match close {
            Some(close) if TAGS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(&rest[..close])) => {
                out.push((at, at + close + 2));
            }
            _ if rest.first().is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/') => return Vec::new(),
            _ => {}
        }
    }
    out
}

/// Where new text in an item body goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Open {
    Nothing,
    /// The paragraph's own text.
    Para,
    /// The last list entry of the last paragraph.
    ListEntry,
    /// The decision (last resolution), still taking clauses.
    Decision,
    /// The last clause of the last resolution.
    Clause,
}

fn strip_pipe(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let t = s.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
    Span::new(span.start, span.start + t.len())
}

/// Run the body state machine over an item's pieces.
fn item_body(text: &str, lines: &[Line], body: Span, item: &mut ItemBlock) {
    let (pieces, docs_from) = pieces(text, lines, body);
    if let Some(from) = docs_from {
        for l in lines.iter().filter(|l| !l.is_blank() && l.content.start > from && l.content.end <= body.end) {
            let (title, mut docs) = split_title(text, l.content);
            if docs.is_empty() && !title.is_empty() {
                docs.push(DocLink { title, format: None, size: None });
            }
            item.documents.extend(docs);
        }
    }
    let numeric_paras = pieces.iter().any(|p| {
        label(&text[p.span.start..p.span.end]).is_some_and(|l| matches!(l.kind, LabelKind::Number | LabelKind::Ref))
    });
    let mut open = Open::Nothing;
    for p in pieces {
        let span = strip_pipe(text, p.span);
        if span.is_empty() {
            continue;
        }
        let s = &text[span.start..span.end];
        let lb = label(s);
        let res_open = matches!(open, Open::Decision | Open::Clause);
        let in_turn = lb.as_ref().is_some_and(|lb| turn_point(text, item, open, lb));
        match lb {
            Some(lb) if res_open && is_clause_label(lb.kind, numeric_paras) && !next_paragraph(item, &lb) => {
                let r = item.resolutions.last_mut().expect("open decision");
                let body_span = Span::new(span.start + lb.body_offset, span.end);
                if lb.kind != LabelKind::Bullet {
                    r.clauses.push(Entry { span, label: Some(lb.text), text: body_span });
                    open = Open::Clause;
                } else {
                    open = Open::Decision;
                }
                r.span = r.span.cover(span);
                extend_para_of(item, span);
            }
            Some(lb)
                if !in_turn
                    && (lb.kind == LabelKind::Sub && !numeric_paras
                        || matches!(lb.kind, LabelKind::Number | LabelKind::Ref)) =>
            {
                let body_span = Span::new(span.start + lb.body_offset, span.end);
                item.paragraphs.push(ParaBlock {
                    span,
                    label: Some((lb.text, lb.kind)),
                    text: body_span,
                    list: Vec::new(),
                });
                open = Open::Para;
                open_decision(text, item, body_span, &mut open);
            }
            Some(lb) => {
                // A sub-point or bullet: an entry of the current paragraph's list.
                let body_span = Span::new(span.start + lb.body_offset, span.end);
                let label = (lb.kind != LabelKind::Bullet).then(|| lb.text.clone());
                if item.paragraphs.is_empty() || !lb_attaches(open) {
                    item.paragraphs.push(ParaBlock {
                        span,
                        label: None,
                        text: Span::new(span.start, span.start),
                        list: Vec::new(),
                    });
                }
                let para = item.paragraphs.last_mut().expect("paragraph");
                para.list.push(Entry { span, label, text: body_span });
                para.span = para.span.cover(span);
                open = Open::ListEntry;
            }
            None => {
                let decision = decision_start(s);
                if !p.after_break && open != Open::Nothing && decision.is_none() {
                    extend_open(item, open, span);
                    continue;
                }
                if let Some((kind, at)) = decision {
                    let rspan = Span::new(span.start + at, span.end);
                    item.resolutions.push(ResBlock { span: rspan, kind, clauses: Vec::new(), paragraph: None });
                    open = Open::Decision;
                } else {
                    item.paragraphs.push(ParaBlock { span, label: None, text: span, list: Vec::new() });
                    open = Open::Para;
                }
            }
        }
    }
}

/// "GI: asks for committee:" then "1. Is there ...", "2. Are ...": numbered points right after a
/// speaker turn that ends with a colon are the turn's own points (its list), not the item's
/// numbered paragraphs (GOLD.md "Paragraph numbers": the item's own points). The series
/// starts at 1 and counts up by one.
fn turn_point(text: &str, item: &ItemBlock, open: Open, lb: &labels::Label) -> bool {
    if lb.kind != LabelKind::Number {
        return false;
    }
    let Some(para) = item.paragraphs.last().filter(|p| p.label.is_none()) else { return false };
    let own = text[para.text.start..para.text.end].trim_end();
    let next = match (open, para.list.last()) {
        (Open::Para, None) => lb.text == "1",
        (Open::ListEntry, Some(Entry { label: Some(prev), .. })) => {
            prev.parse::<u32>().is_ok_and(|n| lb.text.parse::<u32>() == Ok(n + 1))
        }
        _ => false,
    };
    next && own.ends_with(':') && is_turn(own)
}

/// "GI: asks ...", "Mr Hill: ...": a paragraph that opens with a short speaker label, not a
/// label that is never a speaker ("DECISION:", "Note:", [`labels::NOT_TURNS`]).
fn is_turn(s: &str) -> bool {
    s.split_once(": ").is_some_and(|(label, _)| {
        let words = label.split_whitespace().count();
        let first = label.split_whitespace().next().unwrap_or("");
        (1..=4).contains(&words)
            && !labels::NOT_TURNS.iter().any(|w| w.eq_ignore_ascii_case(first))
            && label.len() <= 30
            && label.starts_with(|c: char| c.is_uppercase())
            && !label.contains(['.', ',', ';', '(', ')'])
    })
}

/// "iv. It was agreed that ... v. The BCKLWN will ...": a label that continues the series of
/// the item's paragraph labels is the next paragraph, not a clause of the open decision.
fn next_paragraph(item: &ItemBlock, lb: &labels::Label) -> bool {
    lb.kind == LabelKind::Sub
        && item
            .paragraphs
            .last()
            .and_then(|p| p.label.as_ref())
            .is_some_and(|(prev, kind)| *kind == LabelKind::Sub && flat::follows(prev, &lb.text))
}

fn lb_attaches(open: Open) -> bool {
    matches!(open, Open::Para | Open::ListEntry)
}

/// Clauses of an open decision: letters and romans always; numbers only in an item whose
/// paragraphs are not numbered (else "10." is the next paragraph); bullets join the text.
fn is_clause_label(kind: LabelKind, numeric_paras: bool) -> bool {
    match kind {
        LabelKind::Sub | LabelKind::Bullet => true,
        LabelKind::Number => !numeric_paras,
        LabelKind::Ref => false,
    }
}

/// A paragraph whose text starts with a decision keyword opens a resolution inside it.
fn open_decision(text: &str, item: &mut ItemBlock, body: Span, open: &mut Open) {
    if let Some((kind, at)) = decision_start(&text[body.start..body.end]) {
        let idx = item.paragraphs.len() - 1;
        item.resolutions.push(ResBlock {
            span: Span::new(body.start + at, body.end),
            kind,
            clauses: Vec::new(),
            paragraph: Some(idx),
        });
        *open = Open::Decision;
    }
}

/// Grow the paragraph that holds the open decision, so its span covers the clauses.
fn extend_para_of(item: &mut ItemBlock, span: Span) {
    if let Some(idx) = item.resolutions.last().and_then(|r| r.paragraph) {
        let p = &mut item.paragraphs[idx];
        p.span = p.span.cover(span);
    }
}

/// A continuation line (no blank line before it) joins whatever is open.
fn extend_open(item: &mut ItemBlock, open: Open, span: Span) {
    match open {
        Open::Nothing => {}
        Open::Para => {
            let p = item.paragraphs.last_mut().expect("open paragraph");
            p.span = p.span.cover(span);
            p.text = if p.text.is_empty() { span } else { p.text.cover(span) };
            if let Some(r) = item.resolutions.last_mut().filter(|r| r.paragraph == Some(item.paragraphs.len() - 1)) {
                r.span = r.span.cover(span);
            }
        }
        Open::ListEntry => {
            let p = item.paragraphs.last_mut().expect("open paragraph");
            let e = p.list.last_mut().expect("open entry");
            e.span = e.span.cover(span);
            e.text = e.text.cover(span);
            p.span = p.span.cover(span);
        }
        Open::Decision | Open::Clause => {
            let r = item.resolutions.last_mut().expect("open decision");
            r.span = r.span.cover(span);
            if open == Open::Clause {
                let c = r.clauses.last_mut().expect("open clause");
                c.span = c.span.cover(span);
                c.text = c.text.cover(span);
            }
            extend_para_of(item, span);
        }
    }
}

/// The body of a transcript item: one paragraph a speaker turn (text before the first turn is a
/// paragraph of its own).
fn transcript_body(text: &str, body: Span, item: &mut ItemBlock) {
    let b = &text[body.start..body.end];
    let mut cuts: Vec<usize> = vec![0];
    cuts.extend(transcript::turns(b).into_iter().map(|(p, _)| p).filter(|&p| p > 0));
    cuts.push(b.len());
    for w in cuts.windows(2) {
        let span = trim_span(text, Span::new(body.start + w[0], body.start + w[1]));
        if !span.is_empty() {
            item.paragraphs.push(ParaBlock { span, label: None, text: span, list: Vec::new() });
        }
    }
}

/// Decisions written as narrative inside paragraphs and list entries, for items with no
/// RESOLVED-style block (a narrative followed by a block recording the same decision counts
/// once, as the block: GOLD.md "Twice-written decisions").
fn narrative_decisions(text: &str, item: &mut ItemBlock) {
    // Blocks that are only an outcome ("Unanimously agreed" on its own line) do not stop the
    // narrative search: they record the outcome of a proposal written before them.
    // Nor do sentences that open a paragraph ("iv. It was agreed that ..."): they are
    // narrative too, and the paragraph may hold more of them.
    let bare_blocks = item.resolutions.iter().all(|r| {
        r.clauses.is_empty()
            && (decisions::is_outcome_only(line_of(text, r.span))
                || text[r.span.start..].starts_with(char::is_lowercase))
    });
    if !item.resolutions.is_empty() && !bare_blocks {
        return;
    }
    let blocks = std::mem::take(&mut item.resolutions);
    // "#### Conclusion/Resolution" followed by bullets (meeting notes): the section is the
    // decision, one per section.
    let mut found = Vec::new();
    for (k, p) in item.paragraphs.iter().enumerate() {
        if !decisions::is_conclusion_heading(&text[p.text.start..p.text.end]) {
            continue;
        }
        let body = match (p.list.first(), p.list.last()) {
            (Some(a), Some(b)) => Some((Span::new(a.text.start, b.text.end), k)),
            _ => item.paragraphs.get(k + 1).map(|n| (n.text, k + 1)),
        };
        // An empty bullet ("-") left in the notes' template concludes nothing.
        if let Some((span, idx)) = body.filter(|(s, _)| text[s.start..s.end].contains(char::is_alphanumeric)) {
            found.push(ResBlock { span, kind: DecisionKind::Decided, clauses: Vec::new(), paragraph: Some(idx) });
        }
    }
    if !found.is_empty() {
        item.resolutions = found;
        return;
    }
    // Every piece of the item in order (a paragraph's text, then its list entries), with its
    // paragraph: a "Board Vote Required:" line is a decision when a roll follows it.
    let pieces: Vec<(Span, usize)> = item
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(k, p)| std::iter::once((p.text, k)).chain(p.list.iter().map(move |e| (e.text, k))))
        .collect();
    for (i, &(s, k)) in pieces.iter().enumerate() {
        let t = &text[s.start..s.end];
        let mut found_here = decisions::find(t);
        // A vote line whose content holds no decision of another form ("**Vote:** X motions,
        // Y seconds" starts at the motion, as any motion does).
        if let Some((n, needs_roll)) = found_here.is_empty().then(|| decisions::vote_line(t)).flatten() {
            let rolled = || pieces.get(i + 1).is_some_and(|&(r, _)| decisions::roll_entry(&text[r.start..r.end]));
            if !needs_roll || rolled() {
                found_here.push(n);
            }
        }
        let disps = decisions::dispositions(t);
        // A narrative running into a disposition ("Motion to ...: Moved by X.  (Y-5)
        // SUBSTITUTE PASSED ...") ends where the disposition starts.
        for n in &mut found_here {
            if let Some(d) = disps.iter().find(|d| d.start > n.start && d.start < n.end) {
                n.end = n.start + t[n.start..d.start].trim_end().len();
                // "Moved by X.  (Y-5)  (Y-5) ACCEPTED AS AMENDED": the motion's tally, then the
                // disposition's own, which is left before it.
                if let Some(own) = decisions::repeated_tally(&t[n.start..n.end]) {
                    n.end = n.start + own;
                }
            }
        }
        found_here.extend(disps);
        found_here.sort_by_key(|n| n.start);
        found_here.dedup_by(|b, a| b.start < a.end);
        for n in found_here {
            let span = Span::new(s.start + n.start, s.start + n.end);
            found.push(ResBlock { span, kind: n.kind, clauses: Vec::new(), paragraph: Some(k) });
        }
    }
    for b in blocks {
        if !found.iter().any(|f| f.span.overlaps(b.span)) {
            found.push(b);
        }
    }
    found.sort_by_key(|r| r.span.start);
    item.resolutions = merge_outcomes(text, found);
}

/// The whole line around a span (an outcome block's span starts at its keyword).
fn line_of(text: &str, span: Span) -> &str {
    let a = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let b = text[span.end..].find('\n').map_or(text.len(), |p| span.end + p);
    &text[a..b]
}

/// A proposal and the outcome written after it ("Cllr X proposed, seconded by Cllr Y that ...
/// Unanimously agreed.", "... payments approved. Prop CP, 2nd RC, All agreed.") are one
/// decision: the later part extends the earlier one when only white space lies between.
fn merge_outcomes(text: &str, found: Vec<ResBlock>) -> Vec<ResBlock> {
    let mut out: Vec<ResBlock> = Vec::with_capacity(found.len());
    for r in found {
        if let Some(prev) = out.last_mut() {
            let line = line_of(text, r.span);
            let outcome_line = decisions::is_outcome_only(line);
            // An outcome line's block starts at its keyword ("Unanimously agreed"): measure the
            // gap from the line's start.
            let start = if outcome_line {
                text[..r.span.start].rfind('\n').map_or(0, |p| p + 1).max(prev.span.end.min(r.span.start))
            } else {
                r.span.start
            };
            let gap = text.get(prev.span.end.min(start)..start).unwrap_or("x");
            let own = &text[r.span.start..r.span.end];
            let outcome = outcome_line || decisions::is_outcome_only(own);
            // "It was resolved that ... . Positioning discussed ... . Prop. JB, 2nd GK, 5 in
            // favour." : an attribution later in the same paragraph names the decision's mover.
            let same_para = prev.paragraph.is_some() && prev.paragraph == r.paragraph && !gap.contains("\n\n");
            // "It was agreed that ... Medals will be purchased" / "Proposed - Cllr C Hardy
            // Seconded - Cllr M Leamon" / "All in favour": a form with no motion of its own
            // after it names the mover of the decision above it (not of another form's).
            let lone_form =
                || is_form(text, r.span) && motion_after(text, r.span.end).is_none() && !is_form(text, prev.span);
            let attribution = !outcome && (decisions::is_attribution(own) || lone_form());
            // "Agreed cheques be signed: RECEIPTS ... Balance £2911.84 Prop KN 2nd BB All
            // agreed.": the table, then the mover of the decision above it.
            let run_in = same_para && decisions::ends_in_run_in_attribution(own);
            // "... to deny the appeal. Motion approved unanimously (5-0).": the outcome's block
            // starts at its keyword, after the motion's subject.
            let bare_gap = gap.trim().is_empty()
                || matches!(gap.trim(), "Motion" | "The motion" | "The Motion" | "Motion was" | "The motion was");
            // "Proposed – Cllr X Seconded – Cllr Y" / "'That ... be approved'" / "All in favour":
            // the form, the motion it put, its outcome.
            let put_motion = || {
                is_form(text, prev.span)
                    && motion_after(text, prev.span.end).is_some_and(|e| e >= start || text[e..start].trim().is_empty())
            };
            if r.clauses.is_empty()
                && (bare_gap && (outcome || attribution)
                    || same_para && attribution
                    || run_in
                    || outcome && put_motion())
            {
                prev.span = Span::new(prev.span.start, r.span.end);
                continue;
            }
        }
        out.push(r);
    }
    // A form with no outcome written after its motion: the form and the motion.
    for k in 0..out.len() {
        if !is_form(text, out[k].span) {
            continue;
        }
        if let Some(e) = motion_after(text, out[k].span.end) {
            if out.get(k + 1).is_none_or(|n| n.span.start >= e) {
                out[k].span = Span::new(out[k].span.start, e);
            }
        }
    }
    out
}

/// A decision that is only a proposer-and-seconder form ("Proposed – Cllr X Seconded – Cllr
/// Y", [`decisions::dash_attribution`] from its first byte).
fn is_form(text: &str, span: Span) -> bool {
    decisions::dash_attribution(&text[span.start..span.end]) == Some(0)
}

/// The motion written as a paragraph of its own after a proposer and seconder: the next
/// paragraph when it opens with a quotation mark or "That" ("'That the minutes ... be
/// approved'"); the end of its text.
fn motion_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let body = rest.trim_start();
    if rest.len() - body.len() > 8 || !rest[..rest.len() - body.len()].contains('\n') {
        return None;
    }
    // A motion is one paragraph under 600 bytes: look no further for its end (a text without
    // blank lines would be searched to its end for every form).
    let head = &body.as_bytes()[..body.len().min(601)];
    let para = match memchr::memmem::find(head, b"\n\n") {
        Some(p) => &body[..p],
        None if body.len() > 600 => return None,
        None => body,
    }
    .trim_end();
    let opens = para.starts_with(['\'', '‘', '"', '“']) || para.starts_with("That ");
    (opens && para.len() < 600).then(|| text.len() - body.len() + para.len())
}

/// Report gaps in integer paragraph numbering ("2." with no "1.").
fn check_numbering(_text: &str, item: &ItemBlock, diags: &mut Diagnostics) {
    let mut prev: Option<u64> = None;
    for p in &item.paragraphs {
        let Some((n, LabelKind::Number)) = &p.label else {
            continue;
        };
        let Ok(n) = n.parse::<u64>() else { continue };
        let expected = prev.map_or(1, |x| x + 1);
        if n > expected && n - expected < 1000 {
            let missing = if n - expected == 1 { format!("{expected}") } else { format!("{expected}-{}", n - 1) };
            diags.warn(
                Code::NumberingGap,
                format!("paragraph {missing} missing before {n}"),
                Span::new(p.span.start, p.span.start),
            );
        }
        prev = Some(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_motion_is_one_short_paragraph() {
        let t = "Proposed – Cllr A Seconded – Cllr B\n\n'That the hall be painted.'\n\nAll in favour";
        let end = "Proposed – Cllr A Seconded – Cllr B".len();
        assert_eq!(motion_after(t, end), Some(t.find("\n\nAll").unwrap()));
        // No blank line within 600 bytes: no motion (and no search to the text's end).
        let long = format!("Proposed – Cllr A Seconded – Cllr B\nThat {}", "x ".repeat(400));
        assert_eq!(motion_after(&long, end), None);
        // The outcome inside the motion's paragraph is its outcome, not a panic.
        let t = "1. Hall\n\nProposed – Cllr A Smith Seconded – Cllr B Jones\nThat the hall be painted blue.\nAll in favour\n";
        let (o, _) = outline(t);
        assert_eq!(o.items[0].resolutions.len(), 1);
    }

    #[test]
    fn html_list_tags_break_a_line_but_not_a_raw_html_block() {
        assert_eq!(html_break_tags("<ul><li>A <LI>B</ul>"), [(0, 4), (4, 8), (10, 14), (15, 20)]);
        assert_eq!(html_break_tags("Meeting #1.<br/>Meeting #2 <br />x"), [(11, 16), (27, 33)]);
        assert!(html_break_tags("a < b and c > d").is_empty());
        // A table cell's paragraph is no list entry: the whole block stays as written.
        assert!(html_break_tags("<td width=\"64\"><p align=\"right\">£8.96</p></td>").is_empty());
        assert!(html_break_tags("<li>A <b>bold</b>").is_empty());
    }

    #[test]
    fn marker_search_without_a_colon_finds_nothing() {
        let hays = crate::fastre::sample_haystacks(5_000, &["Minutes:", "Decision:", "Minutes", "Decision", "|", ":"]);
        let mut found = 0;
        for h in &hays {
            let full = ["Minutes:", "Decision:"]
                .iter()
                .filter_map(|m| {
                    h.match_indices(m)
                        .find(|(at, _)| *at == 0 || h[..*at].ends_with(|ch: char| ch.is_whitespace() || ch == '|'))
                        .map(|(at, _)| (at, m.len()))
                })
                .min();
            found += usize::from(full.is_some());
            assert_eq!(find_marker(h), full, "{h:?}");
        }
        assert!(found > 500, "{found}");
    }

    fn outline(text: &str) -> (Outline, Vec<String>) {
        let src = Source::from_text(text);
        let mut d = Diagnostics::default();
        let o = segment(&src, &mut d);
        (o, d.into_sorted().into_iter().map(|d| d.code.name().to_string()).collect())
    }

    #[test]
    fn agenda_item_page() {
        let text = "Agenda item\n\nTitle Here\n\nMinutes:\n\n1.\u{a0} Mr X said.\n\n2.\u{a0} RESOLVED that:\n\na.\u{a0} note\n\nb.\u{a0} do\n\nSupporting documents:\n";
        let (o, d) = outline(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(o.items.len(), 1);
        let it = &o.items[0];
        assert_eq!(&text[it.title.unwrap().start..it.title.unwrap().end], "Title Here");
        assert_eq!(it.paragraphs.len(), 2);
        assert_eq!(it.resolutions.len(), 1);
        assert_eq!(it.resolutions[0].clauses.len(), 2);
        assert_eq!(it.resolutions[0].paragraph, Some(1));
    }

    #[test]
    fn points_of_a_speaker_turn_are_its_list() {
        // After "GI: asks for committee:" the numbers are the turn's points; after "DECISION:"
        // or a plain paragraph they stay the item's numbered paragraphs.
        let text = "# Notes\n\n## 1. Optional chaining\n\nGI: asks for committee:\n\n1. Is there a preference?\n2. Is it controversial?\n\nWH: No.\n\n## 2. Budget\n\nDECISION: It was agreed that the following be done:\n\n1) The Clerk to write.\n2) The Chair to call.\n";
        let (o, _) = outline(text);
        let numbers = |k: usize| -> Vec<Option<String>> {
            o.items[k].paragraphs.iter().map(|p| p.label.as_ref().map(|(l, _)| l.clone())).collect()
        };
        assert_eq!(numbers(0), [None, None]);
        let points: Vec<_> = o.items[0].paragraphs[0].list.iter().map(|e| e.label.clone()).collect();
        assert_eq!(points, [Some("1".to_string()), Some("2".to_string())]);
        assert_eq!(numbers(1), [None, Some("1".to_string()), Some("2".to_string())]);
    }

    #[test]
    fn a_heading_with_only_kramdown_attributes_is_a_container() {
        let text = "# Telco\n\n## Content\n\nIntro text.\n\n### 1. Task forces\n{: #section1}\n\n#### 1.1. Locators\n{: #section1.1}\n\nBY: locators differ.\n\n#### 1.2. Metadata\n\nLA: I can deal with that.\n";
        let (o, _) = outline(text);
        let titles: Vec<&str> = o.items.iter().map(|i| i.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert!(!titles.contains(&"Task forces"), "{titles:?}");
        assert!(titles.contains(&"Locators") && titles.contains(&"Metadata"), "{titles:?}");
    }

    #[test]
    fn one_numbered_markdown_heading_is_an_item() {
        // A short telco: one agenda heading after the attendees.
        let text = "# Telco, 29 June 2020\n\n## Attendees\n\n**Present:** Ann Lee, Bob Ray\n\n### 1. Testing\n\nAL: tests added.\n";
        let (o, _) = outline(text);
        assert_eq!(o.items.len(), 1);
        assert_eq!(o.items[0].number.as_deref(), Some("1"));
        // One numbered Markdown heading among plain numbered lines: the lines are the agenda.
        let text = "# MINUTES OF THE PARISH COUNCIL\n\n1. Election of Chairman\nCllr A was elected.\n\n2. Apologies\nNone.\n\n## 3. No declarations made.\n\n4. Minutes\nApproved.\n";
        let (o, _) = outline(text);
        assert!(o.items.len() >= 3, "{:?}", o.items.iter().map(|i| i.number.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn vote_lines_of_board_minutes_are_decisions() {
        let text = "## Board meeting 2012-03-06\n\n| Subject | Initials | Notes |\n| -- | -- | -- |\n| Hosting | GH | <li>Ann talked to the host. <li>Vote: Yes to the new host: Ann, Bob, Cy. <li>Vote: https://poll.example/x |\n| Terms | GH | Board Vote Required: Extend the chair's term to June. Yes or No. <li>Yes - Ann, Bob <li>No - Cy <li>Chair to write. |\n| Audit | GH | Board Vote Required: Appoint an auditor. <li>Ann to ask for quotes. |\n";
        let (o, _) = outline(text);
        let decided: Vec<Vec<&str>> =
            o.items.iter().map(|i| i.resolutions.iter().map(|r| &text[r.span.start..r.span.end]).collect()).collect();
        assert_eq!(decided[0], ["Vote: Yes to the new host: Ann, Bob, Cy."]);
        assert_eq!(decided[1], ["Board Vote Required: Extend the chair's term to June. Yes or No."]);
        // A vote only "required", with no roll after it, is a proposal.
        assert!(decided[2].is_empty(), "{decided:?}");
        assert!(decisions::roll_entry("Yes - Ann, Bob") && decisions::roll_entry("- Ann-Marie Lee: Nay"));
        assert!(!decisions::roll_entry("Chair to write.") && !decisions::roll_entry("Yes - we will go ahead"));
    }

    #[test]
    fn numbering_gap_is_reported() {
        let (_, d) = outline("Agenda item\nT\nMinutes:\n2. A.\n3. B.\n");
        assert_eq!(d, vec!["numbering-gap"]);
    }

    #[test]
    fn flattened_table() {
        let text = "Venue: Room\nNo. | Item |\nIntro |\nNotes PDF 110 KB Minutes: RESOLVED that x.\nAdditional documents: Minutes: 1. Text.\n";
        let (o, d) = outline(text);
        assert_eq!(o.items.len(), 3);
        assert!(o.header.is_some());
        assert_eq!(o.items[1].documents.len(), 1);
        assert!(o.items[2].lost_title);
        assert_eq!(d, vec!["lost-title"]);
    }

    #[test]
    fn plain_text_is_unclassified() {
        let (o, d) = outline("Just a shopping list\nmilk\n");
        assert!(o.items.is_empty());
        assert_eq!(o.unclassified.len(), 1);
        assert_eq!(d, vec!["no-items"]);
    }

    #[test]
    fn a_listing_of_excerpts_is_flagged() {
        let entry = |body: &str, month: &str| {
            format!("### {body} Parish Council - {month}\n\n#### June 2015\n\nMinutes of the {body} Parish Council meeting held on 10 {month} 2015 Present: D Clements, P Denny...\n\n")
        };
        let page = ["Fenby", "Marsh Green", "Fenby"]
            .iter()
            .zip(["May", "June", "July"])
            .map(|(b, m)| entry(b, m))
            .collect::<String>();
        let (_, d) = outline(&page);
        assert!(d.iter().any(|c| c == "listing"), "{d:?}");
        // Any line ending, and blank lines holding white space.
        let crlf = page.replace('\n', "\r\n").replace("\r\n\r\n", "\r\n  \r\n");
        assert!(outline(&crlf).1.iter().any(|c| c == "listing"));
        // Two excerpts are not enough, and minutes trailing off now and then are minutes.
        let two = ["Fenby", "Fenby"].iter().zip(["May", "June"]).map(|(b, m)| entry(b, m)).collect::<String>();
        assert!(!outline(&two).1.iter().any(|c| c == "listing"));
        let minutes = "1. Apologies\n\nApologies were received from Cllr Webb, Cllr Hall and Cllr Frost, who were all away...\n\n2. Planning\n\nThe Clerk read the application for the barn conversion at Mill Farm and members had no objection.\n\n3. Highways\n\nThe pot holes on Lynn Road were reported again and the Clerk would chase Highways...\n\n4. Finance\n\nThe payments listed were approved and the cheques signed by two members present...\n\n5. Date of next meeting\n\nThe next meeting will be held on 4 March 2015 at the village hall at 7.30 pm.\n";
        assert!(!outline(minutes).1.iter().any(|c| c == "listing"));
    }
}
