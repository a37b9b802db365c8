//! HTML to plain text the text parser can segment: page chrome dropped, blocks on their own
//! lines, implicit list numbers written out, table rows as ` | `-joined lines.
//!
//! Parsing is html5ever's (through `scraper`), so malformed markup is repaired the way a browser
//! would. The tree walk below uses an explicit stack: 10,000 nested tags cost no call depth.

use std::sync::LazyLock;

use regex::Regex;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// Block-level tags that open an HTML block inside Markdown (CommonMark's type 6, in part).
const BLOCK_TAGS: &[&str] = &["<table", "<div", "<p>", "<p ", "<ul", "<ol", "<section", "<article", "<blockquote"];

/// Markdown whose bytes are mostly raw HTML blocks: the text with each block (from a line
/// starting with a block tag to the next blank line) replaced by its text. `None` when the
/// HTML blocks are less than half of the text, where Markdown reading is better.
pub fn inline_html_blocks(md: &str) -> Option<String> {
    // Every tag starts with '<': most lines do not, and are not compared with each tag.
    let starts_block = |t: &str| {
        t.starts_with('<')
            && BLOCK_TAGS.iter().any(|tag| t.get(..tag.len()).is_some_and(|h| h.eq_ignore_ascii_case(tag)))
    };
    // First only count the bytes of the blocks (as the loop below does): most Markdown has
    // few, and then nothing is converted or copied.
    let (mut html_bytes, mut in_block) = (0, false);
    for line in lines_inclusive(md) {
        let t = line.trim_start();
        in_block = starts_block(t) || (in_block && !t.trim().is_empty());
        if in_block {
            html_bytes += line.len();
        }
    }
    if html_bytes * 2 <= md.len() {
        return None;
    }
    let mut out = String::with_capacity(md.len() / 2);
    let mut block = String::new();
    let flush = |block: &mut String, out: &mut String| {
        if !block.is_empty() {
            let t = html_to_text(block);
            out.push_str(t.trim_matches('\n'));
            out.push_str("\n\n");
            block.clear();
        }
    };
    for line in lines_inclusive(md) {
        let t = line.trim_start();
        if starts_block(t) || (!block.is_empty() && !t.trim().is_empty()) {
            block.push_str(line);
            continue;
        }
        flush(&mut block, &mut out);
        out.push_str(line);
    }
    flush(&mut block, &mut out);
    Some(out)
}

/// `s.split_inclusive('\n')`, the newlines found by one `memchr` iterator (`str`'s searched
/// for each line anew, ~230 instructions a line).
fn lines_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    memchr::memchr_iter(b'\n', s.as_bytes()).map(|i| i + 1).chain([s.len()]).filter_map(move |end| {
        let line = (end > at).then(|| &s[at..end]);
        at = end;
        line
    })
}

/// Nesting depth above which [`html_to_text`] does not build a tree: html5ever scans the stack
/// of open elements for every block start tag, so 100,000 nested `<div>`s would take minutes.
/// Browsers cap the tree depth at about this level too.
pub const MAX_NESTING: usize = 512;

/// Convert an HTML document (or fragment) to plain text. Never panics. A document nested more
/// than [`MAX_NESTING`] levels deep (see [`nesting_depth`]) has its tags stripped instead of
/// being parsed, in time linear in its size.
pub fn html_to_text(html: &str) -> String {
    html_to_text_deep(html).0
}

/// [`html_to_text`], and whether the input was nested too deep for a tree (its tags stripped):
/// one [`nesting_depth`] pass for both.
pub(crate) fn html_to_text_deep(html: &str) -> (String, bool) {
    if nesting_depth(html) > MAX_NESTING {
        return (tidy(&strip_tags(html)), true);
    }
    let doc = Html::parse_document(html);
    let roots = content_roots(&doc);
    let whole_page = roots.len() == 1 && roots[0].id() == doc.root_element().id();
    let mut w = Writer::default();
    for root in roots {
        walk(root, whole_page, &mut w);
        w.request(Break::Blank);
    }
    (tidy(&w.out), false)
}

/// Elements whose content is never text of the minutes.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "footer", "aside", "form", "button", "noscript", "head", "template", "svg", "iframe",
    "object", "select", "textarea", "input", "img", "video", "audio", "canvas", "map", "title",
];

/// Blocks set off by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "section",
    "article",
    "main",
    "figure",
    "address",
    "hgroup",
    "header",
    "details",
    "fieldset",
];

/// Blocks that start a new line.
const LINES: &[&str] = &[
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "caption",
    "center",
    "summary",
    "figcaption",
    "legend",
    "body",
    "html",
    "thead",
    "tbody",
    "tfoot",
    "dialog",
    "menu",
];

/// ModernGov class names that mark a heading-like block (often a `<div>` or `<span>`).
const MODERNGOV_BLOCKS: &[&str] = &["mgAiTitleTxt", "mgSubItemTitleTxt", "mgMainTitleTxt", "mgSubTitleTxt"];

/// The elements holding the content: a CMS content block, else `<article>`s, else `<main>`
/// (or a ModernGov `#modgov`), else the whole document.
fn content_roots(doc: &Html) -> Vec<ElementRef<'_>> {
    let all: Vec<ElementRef<'_>> = doc.root_element().descendants().filter_map(ElementRef::wrap).collect();
    let tiers: [&dyn Fn(&Element) -> bool; 3] = [
        &|e| {
            e.classes().any(|c| {
                matches!(
                    c,
                    "entry-content"
                        | "post-content"
                        | "post-body"
                        | "article-content"
                        | "article-body"
                        | "page-content"
                )
            })
        },
        &|e| e.name() == "article",
        &|e| e.name() == "main" || e.attr("role") == Some("main") || e.id() == Some("modgov"),
    ];
    for pick in tiers {
        let found: Vec<ElementRef<'_>> = all.iter().copied().filter(|e| pick(e.value())).collect();
        // Outermost matches only: a nested match is walked as part of its ancestor.
        let outer: Vec<ElementRef<'_>> = found
            .iter()
            .copied()
            .filter(|e| !e.ancestors().filter_map(ElementRef::wrap).any(|a| pick(a.value())))
            .filter(|e| !e.text().all(|t| t.trim().is_empty()))
            .collect();
        if !outer.is_empty() {
            return outer;
        }
    }
    vec![doc.root_element()]
}

/// True when an element is site chrome or hidden: dropped with its content.
fn is_chrome(e: &Element, whole_page: bool) -> bool {
    let name = e.name();
    if DROPPED.contains(&name) || (name == "header" && whole_page) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let words = e.classes().chain(e.id());
    words.map(str::to_ascii_lowercase).any(|w| chrome_word(&w))
}

/// A class or id naming navigation, menus, sidebars, breadcrumbs, footers, cookie banners or
/// skip links (`navbar`, `site-footer`, `mgBreadCrumbs`), but not state classes (`has-sidebar`).
fn chrome_word(w: &str) -> bool {
    if ["has-", "no-", "with-", "is-"].iter().any(|p| w.starts_with(p)) {
        return false;
    }
    ["menu", "sidebar", "breadcrumb", "footer", "cookie"].iter().any(|k| w.contains(k))
        || w.split(['-', '_']).any(|part| part.starts_with("nav") || part.ends_with("nav") || part.starts_with("skip"))
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Break {
    None,
    Line,
    Blank,
}

/// A list being walked: ordered lists count their items.
struct List {
    ordered: bool,
    next: i64,
    style: char,
    /// Its items open with a heading (`<li><h4>TITLE</h4>...`): agenda items.
    heading_items: bool,
}

/// Builds the text: collapses whitespace, merges break requests, writes list markers at the
/// first text of their item.
#[derive(Default)]
struct Writer {
    out: String,
    /// The strongest break requested since the last text.
    pending: Option<Break>,
    space: bool,
    marker: Option<String>,
    lists: Vec<List>,
    /// Table cells open (block breaks inside a cell become spaces); cells written in the row.
    cells: usize,
    row_cells: Vec<usize>,
    /// A block break was asked for inside a cell: a numbered point after it ("6.2 Bennett
    /// Homes ...", a `<p>` of its own in Word exports) starts a new line.
    cell_break: bool,
    pre: usize,
}

impl Writer {
    fn request(&mut self, b: Break) {
        if self.cells > 0 {
            self.space = true;
            self.cell_break = true;
            return;
        }
        self.pending = Some(self.pending.map_or(b, |p| p.max(b)));
    }

    fn flush_break(&mut self) {
        if let Some(b) = self.pending.take() {
            if !self.out.is_empty() {
                while self.out.ends_with(' ') {
                    self.out.pop();
                }
                let want = if b == Break::Blank { 2 } else { 1 };
                let have = self.out.chars().rev().take_while(|&c| c == '\n').count();
                for _ in have..want {
                    self.out.push('\n');
                }
            }
            self.space = false;
        }
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn text(&mut self, s: &str) {
        if self.pre > 0 {
            self.pre_text(s);
            return;
        }
        if s.chars().all(char::is_whitespace) {
            self.space |= !s.is_empty();
            return;
        }
        let words = s.split(char::is_whitespace);
        let leading_space = s.starts_with(char::is_whitespace);
        let trailing_space = s.ends_with(char::is_whitespace);
        self.space |= leading_space;
        let mut first = true;
        for word in words.filter(|w| !w.is_empty()) {
            if first {
                self.start_content(word);
                first = false;
            } else {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
        self.space = trailing_space;
    }

    /// Before the first word written after a break: the break, a list marker, or a space.
    fn start_content(&mut self, word: &str) {
        self.flush_break();
        if let Some(m) = self.marker.take() {
            if !self.at_line_start() {
                self.out.push('\n');
            }
            if !(m.ends_with(". ") || m.ends_with(") ")) || !starts_with_label(word) {
                self.out.push_str(&m);
            }
            self.space = false;
        }
        if self.cells > 0 && self.cell_break && !self.at_line_start() && starts_with_decimal(word) {
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            self.out.push('\n');
        } else if self.space && !self.at_line_start() && !self.out.ends_with(' ') {
            self.out.push(' ');
        }
        self.space = false;
        self.cell_break = false;
    }

    fn pre_text(&mut self, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.request(Break::Line);
            }
            if !line.trim().is_empty() {
                self.start_content(line);
                self.out.push_str(line.trim_end());
            }
        }
    }

    fn raw(&mut self, s: &str) {
        self.flush_break();
        self.out.push_str(s);
        self.space = false;
    }
}

/// True when an item's text already carries a written label: `3.`, `3)`, `(c)`, `iv)`, `b.`.
/// "6.2", "6.3.1", "12.": a decimal paragraph number (not a bare number, which may be a sum).
fn starts_with_decimal(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let mut parts = w.split('.');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !first.is_empty()
        && first.len() <= 3
        && first.chars().all(|c| c.is_ascii_digit())
        && !rest.is_empty()
        && rest.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

fn starts_with_label(word: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\(?\d+(?:\.\d+)*[.):]|\d+\.\d+|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxlcIVXLC]{1,6}[.)])$")
            .expect("label regex")
    });
    LABEL.is_match(word)
}

/// The marker of item `n` in a list of `style` (`1`, `a`, `A`, `i`, `I`).
fn marker(style: char, n: i64) -> String {
    match style {
        'a' | 'A' if (1..=26).contains(&n) => {
            let c = char::from(b'a' + u8::try_from(n - 1).unwrap_or(0));
            let c = if style == 'A' { c.to_ascii_uppercase() } else { c };
            format!("{c}) ")
        }
        'i' | 'I' if (1..4000).contains(&n) => {
            let r = roman(n);
            format!("{}) ", if style == 'I' { r.to_ascii_uppercase() } else { r })
        }
        _ => format!("{n}. "),
    }
}

fn roman(mut n: i64) -> String {
    const TABLE: &[(i64, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

enum Step<N> {
    Enter(N),
    Exit(N),
}

fn walk(root: ElementRef<'_>, whole_page: bool, w: &mut Writer) {
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => match node.value() {
                Node::Text(t) => w.text(&t.text),
                Node::Element(e) => {
                    if is_chrome(e, whole_page) {
                        continue;
                    }
                    enter(e, e.name() == "li" && opens_with_heading(ElementRef::wrap(node)), w);
                    stack.push(Step::Exit(node));
                    let first = stack.len();
                    stack.extend(node.children().map(Step::Enter));
                    stack[first..].reverse();
                }
                _ => {}
            },
            Step::Exit(node) => {
                if let Node::Element(e) = node.value() {
                    exit(e, w);
                }
            }
        }
    }
}

fn block_kind(e: &Element) -> Break {
    let name = e.name();
    if PARAGRAPHS.contains(&name) || e.classes().any(|c| MODERNGOV_BLOCKS.contains(&c)) {
        Break::Blank
    } else if LINES.contains(&name) {
        Break::Line
    } else {
        Break::None
    }
}

/// 1 for `h1` ... 6 for `h6`.
fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// True when the first content of a node is a heading element.
fn opens_with_heading(el: Option<ElementRef<'_>>) -> bool {
    let Some(el) = el else { return false };
    for child in el.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => continue,
            Node::Element(c) => return matches!(c.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            Node::Comment(_) => continue,
            _ => return false,
        }
    }
    false
}

fn enter(e: &Element, heading_first: bool, w: &mut Writer) {
    let name = e.name();
    match name {
        "br" => {
            if w.cells > 0 {
                w.space = true;
            } else {
                w.request(Break::Line);
            }
            return;
        }
        "td" | "th" => {
            if let Some(n) = w.row_cells.last_mut() {
                *n += 1;
                if *n > 1 {
                    w.raw(" | ");
                }
            }
            w.cells += 1;
            return;
        }
        "tr" => {
            w.request(Break::Line);
            w.row_cells.push(0);
            return;
        }
        "pre" => w.pre += 1,
        _ => {}
    }
    let kind = block_kind(e);
    if kind != Break::None {
        w.request(kind);
    }
    // Headings outside lists and tables are written Markdown-style ("## Syria"), so the
    // segmenter reads them as it reads Markdown headings. ModernGov's classed headings stay
    // plain: their "Agenda item" structure is read as in the text seeds.
    if let Some(level) = heading_level(name) {
        let moderngov = e.attr("class").is_some_and(|c| c.contains("mg"));
        if w.marker.is_none() && w.lists.is_empty() && w.cells == 0 && !moderngov {
            w.marker = Some(format!("{} ", "#".repeat(level)));
        }
    }
    match name {
        "ol" | "ul" | "menu" => {
            let depth = w.lists.iter().filter(|l| l.ordered).count();
            // A nested <ol> with no type= shows no written labels on the page: its items are
            // sub-points, written as bullets (GOLD.md: unlabelled points give no numbers).
            let ordered = name == "ol" && (depth == 0 || e.attr("type").is_some());
            let start = e.attr("start").and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or(1);
            let style = match e.attr("type").map(str::trim) {
                Some(t @ ("a" | "A" | "i" | "I" | "1")) => t.chars().next().unwrap_or('1'),
                _ => ['1', 'a', 'i'][depth % 3],
            };
            w.lists.push(List { ordered, next: start, style, heading_items: false });
        }
        "li" => {
            // Tag soup (`<ol>` closed by `</ul>`) can put the next agenda item inside a sub-list:
            // an item opening with a heading continues the outer list of heading items.
            let n = w.lists.len();
            let outer = (heading_first && w.lists.last().is_some_and(|l| !l.heading_items))
                .then(|| w.lists.iter().rposition(|l| l.ordered && l.heading_items))
                .flatten();
            let at = outer.unwrap_or(n.saturating_sub(1));
            if let Some(list) = w.lists.get_mut(at) {
                list.heading_items |= heading_first;
                if list.ordered {
                    if let Some(v) = e.attr("value").and_then(|s| s.trim().parse::<i64>().ok()) {
                        list.next = v;
                    }
                    w.marker = Some(marker(list.style, list.next));
                    list.next += 1;
                } else {
                    w.marker = Some("- ".into());
                }
            }
        }
        _ => {}
    }
}

fn exit(e: &Element, w: &mut Writer) {
    let name = e.name();
    match name {
        "td" | "th" => {
            w.cells = w.cells.saturating_sub(1);
            return;
        }
        "tr" => {
            w.row_cells.pop();
            w.request(Break::Line);
            return;
        }
        "pre" => w.pre = w.pre.saturating_sub(1),
        "ol" | "ul" | "menu" => {
            w.lists.pop();
        }
        "li" => w.marker = None,
        _ if heading_level(name).is_some() && w.marker.as_deref().is_some_and(|m| m.starts_with('#')) => {
            w.marker = None; // an empty heading leaves no marker for the next text
        }
        _ => {}
    }
    let kind = block_kind(e);
    if kind != Break::None {
        w.request(kind);
    }
}

/// Final clean-up over lines: trailing spaces and empty table cells, Hansard column markers
/// ("19 July 2011 : Column 772", with a paragraph split by the marker joined again), runs of
/// blank lines.
fn tidy(text: &str) -> String {
    static COLUMN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,2} [A-Z][a-z]+ \d{4} : Column \d+[A-Z]*$").expect("column marker regex"));
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            // Slices, not copies: a line of 100,000 `| ` must stay linear.
            let mut l = l.trim_end();
            while l.ends_with(" |") || l == "|" {
                l = l[..l.len().saturating_sub(2)].trim_end();
            }
            while let Some(rest) = l.strip_prefix("| ") {
                l = rest;
            }
            l.to_string()
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if COLUMN.is_match(line.trim()) {
            // Drop the marker; a paragraph cut by the column break continues in lower case.
            let mut j = i + 1;
            while j < lines.len() && lines[j].trim().is_empty() {
                j += 1;
            }
            let continues = lines.get(j).is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()));
            if continues {
                while out.last().is_some_and(|l| l.trim().is_empty()) {
                    out.pop();
                }
                if let Some(prev) = out.last_mut() {
                    prev.push(' ');
                    prev.push_str(&lines[j]);
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            i += 1;
            continue;
        }
        out.push(line.clone());
        i += 1;
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    let mut s = out.join("\n");
    if !s.is_empty() {
        s.push('\n');
    }
    s
}

/// Elements that never deepen the tree: void elements, and those a sibling start tag closes.
/// [`is_flat`] matches them; this list is its test oracle.
#[cfg(test)]
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "colgroup", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Whether the tag name `name` (ASCII letters and digits) is one of the elements that never
/// deepen the tree (void elements, and those a sibling start tag closes), in any case: lower-cased
/// into a small buffer (none is longer than 8 bytes) and matched as a byte string (comparing
/// it with each name of the list ignoring case took most of [`nesting_depth`]'s time; the list,
/// `FLAT`, is the test oracle).
fn is_flat(name: &[u8]) -> bool {
    let mut low = [0u8; 8];
    let Some(buf) = low.get_mut(..name.len()) else { return false };
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &*buf,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"colgroup"
            | b"caption"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
    )
}

/// An estimate of the deepest element nesting, from start and end tags alone (one linear pass,
/// no tree): elements that never deepen the tree ([`is_flat`]) and self-closed tags do not
/// count.
pub fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        let end_tag = b.get(i) == Some(&b'/');
        let start = i + usize::from(end_tag);
        let len = b[start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        if is_flat(&b[start..start + len]) {
            continue;
        }
        if end_tag {
            depth = depth.saturating_sub(1);
            continue;
        }
        let close = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |p| start + p);
        if close > 0 && b[close - 1] == b'/' {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// Plain text of HTML without a tree: tags dropped (block tags become line breaks), comments
/// dropped, common entities decoded. The fallback for pathologically nested input.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let end =
            if rest.starts_with("<!--") { rest.find("-->").map(|p| p + 3) } else { rest.find('>').map(|p| p + 1) };
        let Some(end) = end else {
            rest = "";
            break;
        };
        let name: String = rest[1..end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if PARAGRAPHS.contains(&name.as_str()) || LINES.contains(&name.as_str()) || matches!(name.as_str(), "br" | "p")
        {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    push_decoded(&mut out, rest);
    out
}

/// Append text with the common character references decoded (others are kept as written).
fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.as_bytes()[..rest.len().min(12)].iter().position(|&c| c == b';');
        let decoded = semi.and_then(|semi| {
            let c = match &rest[1..semi] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                e => {
                    let n = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X"));
                    let n = match n {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => e.strip_prefix('#').and_then(|d| d.parse().ok()),
                    };
                    n.and_then(char::from_u32).filter(|&c| c != '\0')?
                }
            };
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        for s in ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\n", "\na\n\nb", "é\n—\n", "x\n\n\ny z"] {
            assert_eq!(lines_inclusive(s).collect::<Vec<_>>(), s.split_inclusive('\n').collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn block_tags_start_with_a_bracket() {
        // `inline_html_blocks` compares a line with the tags only when it starts with '<'.
        assert!(BLOCK_TAGS.iter().all(|t| t.starts_with('<')));
    }

    #[test]
    fn flat_names_are_lower_case() {
        // `is_flat` lower-cases tag names before it matches them.
        assert!(FLAT.iter().all(|f| f.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
        assert_eq!(nesting_depth("<DIV><Div><div><P><BR></div>"), 3);
    }

    /// `is_flat` is `FLAT` compared ignoring ASCII case, on its names in mixed case, with a
    /// character more or less, and on generated names of letters and digits.
    #[test]
    fn is_flat_is_the_list() {
        let oracle = |n: &[u8]| FLAT.iter().any(|f| n.eq_ignore_ascii_case(f.as_bytes()));
        let mut names: Vec<Vec<u8>> = Vec::new();
        for f in FLAT {
            let b = f.as_bytes();
            names.push(b.to_vec());
            names.push(b.to_ascii_uppercase());
            names.push(
                b.iter().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { *c }).collect(),
            );
            names.push(b[..b.len() - 1].to_vec());
            names.push([b, b"x"].concat());
            names.push([b, b"1"].concat());
        }
        let alphabet = b"abcdeghilmnoprstuwyBCDHLPRT0123456789";
        let mut next = crate::fastre::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            let len = 1 + (next() % 10) as usize;
            names.push((0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect());
        }
        let mut flat = 0;
        for n in &names {
            assert_eq!(is_flat(n), oracle(n), "{:?}", String::from_utf8_lossy(n));
            flat += usize::from(oracle(n));
        }
        assert!(flat > 3 * FLAT.len(), "{flat}");
    }

    #[test]
    fn implicit_ol_numbers_with_heading_items() {
        let t =
            html_to_text("<ol><li><h4>WELCOME</h4><p>Body one.</p></li><li><h4>MINUTES</h4><p>Body two.</p></li></ol>");
        assert_eq!(t, "1. WELCOME\n\nBody one.\n\n2. MINUTES\n\nBody two.\n");
    }

    #[test]
    fn ol_start_type_nesting_and_written_numbers() {
        let t = html_to_text(r#"<ol start="4"><li>Four<ol><li>sub</li><li>sub2</li></ol></li><li>5. Five</li></ol>"#);
        assert_eq!(t, "4. Four\n\n- sub\n- sub2\n\n5. Five\n");
        let t = html_to_text(r#"<ol type="i"><li>one</li><li>two</li></ol><ul><li>dot</li></ul>"#);
        assert_eq!(t, "i) one\nii) two\n\n- dot\n");
    }

    #[test]
    fn heading_item_after_tag_soup_continues_the_outer_list() {
        let t = html_to_text("<ol><li><h4>PAY</h4><ol><li>cheque</li></ul></li><li><h4>AOB</h4><p>x</p></li></ol>");
        assert_eq!(t, "1. PAY\n\n- cheque\n\n2. AOB\n\nx\n");
    }

    #[test]
    fn chrome_is_dropped_and_article_preferred() {
        let html = r#"<html><head><title>T</title><style>p{}</style></head><body>
            <header>Site</header><nav><a>Home</a></nav><div class="sidebar">Side</div>
            <main><article><p>Minutes&nbsp;of   the
            meeting</p><script>x()</script><div id="cookie-banner">Accept</div></article></main>
            <footer>Copyright</footer></body></html>"#;
        assert_eq!(html_to_text(html), "Minutes of the meeting\n");
        let no_article = r##"<body class="has-sidebar"><div class="navLinks"><a>Prev</a></div><p>Text</p>
            <a class="skip-link" href="#c">Skip</a><ul class="menu"><li>x</li></ul></body>"##;
        assert_eq!(html_to_text(no_article), "Text\n");
    }

    #[test]
    fn tables_rows_and_cells() {
        let t = html_to_text(
            "<p>Payments:</p><table><tr><th>Payee</th><th>Amount</th></tr><tr><td><p>Clerk</p></td><td>£450</td><td></td></tr></table><p>After</p>",
        );
        assert_eq!(t, "Payments:\n\nPayee | Amount\nClerk | £450\n\nAfter\n");
    }

    #[test]
    fn breaks_entities_and_inline_markup() {
        let t =
            html_to_text("<p>It was <b>RESOLVED</b> that&nbsp;&amp; more.<br>To be signed</p><div>a</div><div>b</div>");
        assert_eq!(t, "It was RESOLVED that & more.\nTo be signed\n\na\nb\n");
    }

    #[test]
    fn hansard_column_markers_dropped_and_split_paragraph_joined() {
        let html = "<p><b>19 July 2011 : Column 771</b></p><p><b>Mr David Hanson (Delyn) (Lab):</b> I welcome the</p>\
            <p><b>19 July 2011 : Column 772</b></p><p>statement today.</p><p><b>19 July 2011 : Column 89WS</b></p><p>Next.</p>";
        assert_eq!(html_to_text(html), "Mr David Hanson (Delyn) (Lab): I welcome the statement today.\n\nNext.\n");
    }

    #[test]
    fn moderngov_item_reads_like_the_text_seeds() {
        let html = r#"<div id="modgov"><h1 class="mgMainTitleTxt">Agenda item</h1>
            <div class="mgAiTitleTxt">Tree Planting</div><span class="mgSubItemTitleTxt">Minutes:</span>
            <div class="mgWordPara"><p class="MsoNormal">1.&nbsp;&nbsp;&nbsp; The Chairman spoke.</p>
            <p>2.&nbsp;&nbsp; RESOLVED that:</p></div></div>"#;
        assert_eq!(
            html_to_text(html),
            "Agenda item\n\nTree Planting\n\nMinutes:\n\n1. The Chairman spoke.\n\n2. RESOLVED that:\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        for tag in ["div", "b", "li", "table"] {
            let html = format!("{}deep{}", format!("<{tag}>").repeat(10_000), format!("</{tag}>").repeat(10_000));
            assert!(html_to_text(&html).contains("deep"), "{tag}");
        }
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in ["", "<", "</p></p><li>", "<table><td>x", "<ol start=abc><li>x", "\u{0}<p>\u{feff}</p>"] {
            let _ = html_to_text(s);
        }
    }
}
