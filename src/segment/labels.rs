//! nom parsers for the small constructs at the start of a line: paragraph labels, minute
//! references, "PDF 110 KB" document links and decision keywords.
//!
//! nom's errors stay private to this module: every parser here returns `Option`, so a line
//! that does not match is simply "not a label" (a fallback, not an error).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{opt, recognize, verify};
use nom::error::{ErrorKind, ParseError};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

/// nom's `tag_no_case` for an ASCII `tag`, with its results on every input, without its
/// character-by-character Unicode lowercasing where it can do without: when the input's first
/// `tag.len()` bytes are ASCII they are its first `tag.len()` characters, and an ASCII
/// character lowercases to the tag's character exactly when the two are equal in ASCII case
/// (`eq_ignore_ascii_case`). Any other input (shorter than the tag, or with a non-ASCII
/// character there, such as the Kelvin sign that lowercases to "k") goes to nom's parser.
pub(crate) fn tag_no_case<'a, E: ParseError<&'a str>>(
    tag: &'static str,
) -> impl FnMut(&'a str) -> IResult<&'a str, &'a str, E> {
    debug_assert!(tag.is_ascii(), "{tag:?}");
    move |i: &'a str| {
        let (b, n) = (i.as_bytes(), tag.len());
        if b.len() >= n && b[..n].is_ascii() {
            if b[..n].eq_ignore_ascii_case(tag.as_bytes()) {
                Ok((&i[n..], &i[..n]))
            } else {
                Err(nom::Err::Error(E::from_error_kind(i, ErrorKind::Tag)))
            }
        } else {
            nom::bytes::complete::tag_no_case(tag).parse(i)
        }
    }
}

/// What kind of label starts a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// `1.`, `12)`, `1.1`, `5.1.1.`
    Number,
    /// A minute reference: `135/19`, `Min. 12/2023`.
    Ref,
    /// A letter or roman sub-point: `a.`, `a)`, `(a)`, `iv.`, `(1)`.
    Sub,
    /// A bullet: `·`, `•`, `-`, `*`, `–`.
    Bullet,
}

/// A parsed label: its kind, its normalised text and its length in bytes (label plus the
/// whitespace after it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub kind: LabelKind,
    /// "1", "1.1", "135/19", "a", "iv", "·".
    pub text: String,
    /// Bytes of the label as written (without the whitespace after it).
    pub written_len: usize,
    /// Bytes up to where the body starts.
    pub body_offset: usize,
}

fn is_hspace(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{2002}' || c == '\u{2003}' || c == '\u{2009}'
}

/// One or more horizontal spaces, or the end of the input (a label alone on its line).
fn gap(i: &str) -> IResult<&str, &str> {
    if i.is_empty() {
        return Ok((i, i));
    }
    take_while1(is_hspace)(i)
}

/// The cell border after a number in a table flattened into lines: "1.1 | JB welcomed ...".
fn cell_gap(i: &str) -> IResult<&str, &str> {
    let t = i.trim_start_matches(is_hspace);
    match t.strip_prefix('|') {
        Some(r) => {
            let rest = r.trim_start_matches(is_hspace);
            Ok((rest, &i[..i.len() - rest.len()]))
        }
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char))),
    }
}

/// `1.` `12)` `1.1` `5.1.1.` `4.4.1` (at most three digits a part, so years are not labels;
/// a bare number needs a terminator: "17 July" is a date, not a label).
fn decimal(i: &str) -> IResult<&str, (&str, bool)> {
    let part = |i| take_while_m_n(1, 3, |c: char| c.is_ascii_digit())(i);
    let (rest, num) = recognize(pair(part, many0(preceded(char('.'), part)))).parse(i)?;
    // "1\." : Markdown's escape of a number that is not to start a list (the posts of a
    // WordPress archive write every numbered line so).
    let rest = rest.strip_prefix('\\').filter(|r| r.starts_with('.')).unwrap_or(rest);
    let (rest, term) = opt(one_of(".)")).parse(rest)?;
    if term.is_none() && !num.contains('.') {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, (num, term.is_some())))
}

/// A reference to a point of an earlier minute, written as the label of a matter arising:
/// `4.4.4.4.5iv)`, `11i)`, and with a stray space after the first part, `4. 4.4.5viii)`. The
/// roman point and the closing parenthesis are required, so "4. 4 items)" is not one.
fn decimal_roman(i: &str) -> IResult<&str, &str> {
    let part = |i| take_while_m_n(1, 3, |c: char| c.is_ascii_digit())(i);
    let roman = verify(take_while_m_n(1, 5, |c: char| c.is_ascii_lowercase()), is_roman);
    terminated(recognize((part, many0(preceded(pair(char('.'), opt(char(' '))), part)), roman)), char(')')).parse(i)
}

/// `135/19`, `22/17.`, `Min. 12/2023`, `Minute 45/21`.
fn minute_ref(i: &str) -> IResult<&str, &str> {
    let mut prefix =
        opt(terminated(alt((tag_no_case("min."), tag_no_case("minute"), tag_no_case("min"))), opt(char(' '))));
    let (rest, _) = prefix.parse(i)?;
    let (rest, r) = recognize(pair(
        verify(digit1, |d: &str| d.len() <= 4),
        preceded(char('/'), verify(digit1, |d: &str| (2..=4).contains(&d.len()))),
    ))
    .parse(rest)?;
    let (rest, _) = opt(one_of(".:")).parse(rest)?;
    Ok((rest, r))
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// `(a)` `(iv)` `(1)` `(A)`.
fn paren_sub(i: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        verify(take_while_m_n(1, 4, |c: char| c.is_ascii_alphanumeric()), |s: &str| {
            s.len() == 1 || is_roman(&s.to_ascii_lowercase()) || s.chars().all(|c| c.is_ascii_digit())
        }),
        char(')'),
    )
    .parse(i)
}

/// `a.` `a)` `iv.` `ii)` `A)`.
fn letter_sub(i: &str) -> IResult<&str, &str> {
    let lower = terminated(
        verify(take_while_m_n(1, 5, |c: char| c.is_ascii_lowercase()), |s: &str| s.len() == 1 || is_roman(s)),
        one_of(".)"),
    );
    let upper = terminated(take_while_m_n(1, 1, |c: char| c.is_ascii_uppercase()), char(')'));
    alt((lower, upper)).parse(i)
}

fn bullet(i: &str) -> IResult<&str, char> {
    one_of("·•▪◦‣-–*●").parse(i)
}

/// Parse a label at the start of `s` (the line's content, already left-trimmed).
/// A sum of money standing alone on its line, as a flattened payments table leaves them
/// ("40.00", "0.00", "1.07", "329.21"): two decimal places, and a pound part of 0 or at least
/// 30, or pence that start with 0 or are at least 30 (no paragraph is numbered so; "4.12"
/// alone is left a number).
fn is_amount(n: &str) -> bool {
    let Some((pounds, pence)) = n.split_once('.') else { return false };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(pounds) || pence.len() != 2 || !digits(pence) {
        return false;
    }
    let (p, c) = (pounds.parse::<u32>().unwrap_or(0), pence.parse::<u32>().unwrap_or(0));
    p == 0 || p >= 30 || pence.starts_with('0') || c >= 30
}

pub(crate) fn label(s: &str) -> Option<Label> {
    let done = |kind, text: &str, after: &str, gap_rest: &str| Label {
        kind,
        text: text.to_string(),
        written_len: s.len() - after.len(),
        body_offset: s.len() - gap_rest.len(),
    };
    if let Ok((after, r)) = minute_ref(s) {
        if let Ok((rest, _)) = gap(after) {
            return Some(done(LabelKind::Ref, r, after, rest));
        }
        // "206/19Apologies for Absence": a page that ran the bold reference into its title.
        let b = after.as_bytes();
        if b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_lowercase() {
            return Some(done(LabelKind::Ref, r, after, after));
        }
    }
    if let Ok((after, n)) = decimal_roman(s) {
        if let Ok((rest, _)) = gap(after) {
            return Some(done(LabelKind::Number, n, after, rest));
        }
    }
    if let Ok((after, (n, _))) = decimal(s) {
        if after.trim().is_empty() && is_amount(n) {
            return None;
        }
        if let Ok((rest, _)) = cell_gap(after).or_else(|_| gap(after)) {
            return Some(done(LabelKind::Number, n, after, rest));
        }
    }
    if let Ok((after, l)) = paren_sub(s) {
        if let Ok((rest, _)) = gap(after) {
            return Some(done(LabelKind::Sub, l, after, rest));
        }
    }
    if let Ok((after, l)) = letter_sub(s) {
        if let Ok((rest, _)) = gap(after) {
            if !rest.is_empty() {
                return Some(done(LabelKind::Sub, l, after, rest));
            }
        }
    }
    if let Ok((after, b)) = bullet(s) {
        if let Ok((rest, _)) = take_while1::<_, _, nom::error::Error<&str>>(is_hspace)(after) {
            if !rest.is_empty() {
                return Some(done(LabelKind::Bullet, &b.to_string(), after, rest));
            }
        }
    }
    None
}

/// A linked-document marker at the end of a title: `PDF 110 KB`, `DOC 45 KB`.
/// Returns (offset where the marker starts, format, size).
pub(crate) fn document_marker(s: &str) -> Option<(usize, String, String)> {
    fn marker(i: &str) -> IResult<&str, (&str, &str)> {
        let fmt =
            alt((tag("PDF"), tag("DOCX"), tag("DOC"), tag("XLSX"), tag("XLS"), tag("PPTX"), tag("HTML"), tag("RTF")));
        let size = recognize((digit1, opt(pair(char('.'), digit1)), char(' '), alt((tag("KB"), tag("MB"), tag("B")))));
        (terminated(fmt, char(' ')), size).parse(i)
    }
    let mut search = 0;
    while let Some(pos) = find_any(&s[search..], &["PDF ", "DOC", "XLS", "PPTX ", "HTML ", "RTF "]) {
        let at = search + pos;
        let preceded_by_space = at == 0 || s[..at].ends_with(' ');
        if preceded_by_space {
            if let Ok((_, (f, z))) = marker(&s[at..]) {
                return Some((at, f.to_string(), z.to_string()));
            }
        }
        search = at + 1;
        while !s.is_char_boundary(search) {
            search += 1;
        }
    }
    None
}

fn find_any(s: &str, needles: &[&str]) -> Option<usize> {
    needles.iter().filter_map(|n| s.find(n)).min()
}

/// The kind of decision a keyword introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecisionKind {
    Resolved,
    Agreed,
    Decided,
    Recommended,
}

impl DecisionKind {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            DecisionKind::Resolved => "resolved",
            DecisionKind::Agreed => "agreed",
            DecisionKind::Decided => "decided",
            DecisionKind::Recommended => "recommended",
        }
    }
}

fn lead_it_was(i: &str) -> IResult<&str, &str> {
    recognize((
        tag_no_case("it was"),
        opt((take_while1(is_hspace), tag_no_case("unanimously"))),
        take_while1(is_hspace),
    ))
    .parse(i)
}

fn lead_body(i: &str) -> IResult<&str, &str> {
    recognize((
        opt((tag_no_case("the"), take_while1(is_hspace))),
        alt((
            tag("Committee"),
            tag("Council"),
            tag("Board"),
            tag("Panel"),
            tag("Cabinet"),
            tag("Partnership"),
            tag("Sub-Committee"),
        )),
        take_while1(is_hspace),
        opt((tag_no_case("unanimously"), take_while1(is_hspace))),
    ))
    .parse(i)
}

fn lead_unanimously(i: &str) -> IResult<&str, &str> {
    recognize((tag_no_case("unanimously"), take_while1(is_hspace))).parse(i)
}

/// A decision keyword at the start of `s`, optionally after "It was", "The Committee",
/// "Unanimously":
///
/// ```text
/// RESOLVED that ...          RESOLVED: ...          RESOLVED – That ...
/// It was RESOLVED that ...   RESOLVED, that: ...    Resolved unanimously that ...
/// AGREED that ...            It was agreed that ... DECIDED: ...
/// RECOMMENDED that ...       The Committee RESOLVED that ...
/// ```
///
/// Returns the kind and the byte offset of the keyword. Lower-case "agreed"/"resolved" count
/// only after "It was" (a person who "agreed" is not a decision, GOLD.md).
pub(crate) fn decision_start(s: &str) -> Option<(DecisionKind, usize)> {
    let mut lead = opt(alt((lead_it_was, lead_body, lead_unanimously)));
    let (rest, lead) = lead.parse(s).ok()?;
    let at = s.len() - rest.len();
    let keyword: IResult<&str, &str> = alt((
        tag("RESOLVED"),
        tag("AGREED"),
        tag("DECIDED"),
        tag("RECOMMENDED"),
        tag("Resolved"),
        tag("Agreed"),
        tag("Decided"),
        tag("Recommended"),
    ))
    .parse(rest);
    let (after, kw) = match keyword {
        Ok(x) => x,
        Err(_) if lead.is_some() => {
            let r: IResult<&str, &str> = alt((tag("resolved"), tag("agreed"), tag("decided"))).parse(rest);
            r.ok()?
        }
        Err(_) => return None,
    };
    // The keyword must end the word and be followed by a decision: "that", ":", ",", a dash,
    // "to", "unanimously", or the end of the line.
    let next = after.chars().next();
    if next.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let tail = after.trim_start_matches(|c: char| is_hspace(c) || matches!(c, ':' | ',' | '-' | '–' | '—' | '.' | ';'));
    let tail_l = tail.get(..tail.len().min(14)).unwrap_or(tail).to_ascii_lowercase();
    let ok = tail.is_empty()
        || after.starts_with(':')
        || after.trim_start_matches(is_hspace).starts_with(['–', '-', '—', ':'])
        || ["that", "to ", "unanimously", "by ", "as ", "the ", "accordingly"].iter().any(|w| tail_l.starts_with(w))
        || kw.chars().all(|c| c.is_ascii_uppercase());
    if !ok {
        return None;
    }
    let kind = match kw.to_ascii_lowercase().as_str() {
        "resolved" => DecisionKind::Resolved,
        "agreed" => DecisionKind::Agreed,
        "decided" => DecisionKind::Decided,
        _ => DecisionKind::Recommended,
    };
    Some((kind, at))
}

/// Labels before a colon that are never speakers.
pub(crate) const NOT_TURNS: &[&str] = &[
    "Action",
    "Actions",
    "Agenda",
    "Agreed",
    "Applicant",
    "Aye",
    "Ayes",
    "Background",
    "Chair",
    "Change",
    "Conclusion",
    "Date",
    "Decision",
    "Details",
    "Email",
    "Everyone",
    "Expenses",
    "Income",
    "Item",
    "Location",
    "Minutes",
    "Motion",
    "Needs",
    "No",
    "Noes",
    "Note",
    "Notes",
    "Outcome",
    "Passed",
    "Passes",
    "Present",
    "Proposed",
    "Question",
    "Regrets",
    "Remote",
    "Resolution",
    "Resolved",
    "Result",
    "Results",
    "Revenue",
    "Scribe",
    "Seconded",
    "See",
    "Slide",
    "Slides",
    "Summary",
    "Time",
    "Topic",
    "Update",
    "Venue",
    "Vote",
    "Votes",
    "Yes",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_no_case_is_noms() {
        let tags = ["min.", "minute", "min", "it was", "the", "unanimously", "st", "of ", "k", "kelvin", "day"];
        let pieces = [
            "", "m", "M", "i", "I", "n", ".", "u", "t", "e", " ", "\u{212a}", "K", "k", "\u{130}", "é", "s", "T", "h",
            "\u{a0}", "y", "D", "a", "o", "f", "l", "v", "w",
        ];
        let mut next = crate::fastre::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut inputs: Vec<String> = tags
            .iter()
            .flat_map(|t| [t.to_string(), t.to_uppercase(), format!("{t}x"), t[..t.len() - 1].to_string()])
            .collect();
        for _ in 0..20_000 {
            let len = (next() % 9) as usize;
            inputs.push((0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect());
        }
        for tag in tags {
            for i in &inputs {
                type R<'a> = IResult<&'a str, &'a str>;
                let nom = std::panic::catch_unwind(|| -> R { nom::bytes::complete::tag_no_case(tag).parse(i) });
                let ours = std::panic::catch_unwind(|| -> R { super::tag_no_case(tag)(i) });
                match (nom, ours) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{tag:?} on {i:?}"),
                    (Err(_), Err(_)) => {}
                    (a, b) => panic!("{tag:?} on {i:?}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
    }

    fn lab(s: &str) -> Option<(LabelKind, String, usize)> {
        label(s).map(|l| (l.kind, l.text, l.body_offset))
    }

    #[test]
    fn labels() {
        use LabelKind::*;
        assert_eq!(lab("1.\u{a0}\u{a0} Mr Peerbux"), Some((Number, "1".into(), 7)));
        assert_eq!(lab("10. Supt"), Some((Number, "10".into(), 4)));
        assert_eq!(lab("1.1 Text"), Some((Number, "1.1".into(), 4)));
        assert_eq!(lab("5.1.1. Text"), Some((Number, "5.1.1".into(), 7)));
        assert_eq!(lab("12) Text"), Some((Number, "12".into(), 4)));
        // Markdown's escaped list number.
        assert_eq!(lab("1\\. West Norfolk Games"), Some((Number, "1".into(), 4)));
        assert_eq!(lab("12\\."), Some((Number, "12".into(), 4)));
        assert_eq!(lab("1\\ Text"), None);
        assert_eq!(lab("135/19 Apologies"), Some((Ref, "135/19".into(), 7)));
        assert_eq!(lab("Min. 12/2023 Apologies"), Some((Ref, "12/2023".into(), 13)));
        // A reference run into its title by a page's markup; not a planning reference.
        assert_eq!(lab("206/19Apologies for Absence"), Some((Ref, "206/19".into(), 6)));
        assert_eq!(lab("19/00123/F"), None);
        assert_eq!(lab("12/19AB"), None);
        assert_eq!(lab("(a) Ms Brinson"), Some((Sub, "a".into(), 4)));
        assert_eq!(lab("(iv) x"), Some((Sub, "iv".into(), 5)));
        assert_eq!(lab("a)\u{a0}Note"), Some((Sub, "a".into(), 4)));
        assert_eq!(lab("b. provide"), Some((Sub, "b".into(), 3)));
        assert_eq!(lab("ii. x"), Some((Sub, "ii".into(), 4)));
        assert_eq!(lab("·\u{a0}\u{a0} The main"), Some((Bullet, "·".into(), 7)));
        assert_eq!(lab("- 17 July"), Some((Bullet, "-".into(), 2)));
        assert_eq!(lab("9."), Some((Number, "9".into(), 2)));
        // Sums of money alone on a line are no paragraph numbers; "4.12" alone may be one.
        for amount in ["40.00", "0.00", "1.07", "329.21", "5.36"] {
            assert_eq!(lab(amount), None, "{amount}");
        }
        assert_eq!(lab("4.12"), Some((Number, "4.12".into(), 4)));
        assert_eq!(lab("40.00 Grass cutting"), Some((Number, "40.00".into(), 6)));
        assert_eq!(lab("4.4.4.4.5iv) The"), Some((Number, "4.4.4.4.5iv".into(), 13)));
        assert_eq!(lab("11i) Cllr"), Some((Number, "11i".into(), 5)));
        assert_eq!(lab("4. 4.4.5viii) Cllr"), Some((Number, "4. 4.4.5viii".into(), 14)));
        assert_eq!(lab("4. 4 items) x"), Some((Number, "4".into(), 3)));
    }

    #[test]
    fn not_labels() {
        assert_eq!(lab("17 July 2019"), None);
        assert_eq!(lab("2019. The year"), None);
        assert_eq!(lab("Mr Hill"), None);
        assert_eq!(lab("A. Smith said"), None);
        assert_eq!(lab("-5 degrees"), None);
        assert_eq!(lab("e.g. something"), None);
    }

    #[test]
    fn document_markers() {
        assert_eq!(
            document_marker("Notes of meeting held on 10 October 2018 PDF 110 KB"),
            Some((41, "PDF".into(), "110 KB".into()))
        );
        assert_eq!(document_marker("Update PDF 81 KB Minutes:"), Some((7, "PDF".into(), "81 KB".into())));
        assert_eq!(document_marker("The PDF was late"), None);
    }

    #[test]
    fn decisions() {
        use DecisionKind::*;
        assert_eq!(decision_start("RESOLVED that the"), Some((Resolved, 0)));
        assert_eq!(decision_start("RESOLVED:"), Some((Resolved, 0)));
        assert_eq!(decision_start("RESOLVED – That"), Some((Resolved, 0)));
        assert_eq!(decision_start("RESOLVED, that:"), Some((Resolved, 0)));
        assert_eq!(decision_start("It was RESOLVED that"), Some((Resolved, 7)));
        assert_eq!(decision_start("It was unanimously agreed that"), Some((Agreed, 19)));
        assert_eq!(decision_start("AGREED: to defer"), Some((Agreed, 0)));
        assert_eq!(decision_start("The Committee RESOLVED that"), Some((Resolved, 14)));
        assert_eq!(decision_start("Resolved that"), Some((Resolved, 0)));
        assert_eq!(decision_start("agreed that"), None);
        assert_eq!(decision_start("Agreement was given"), None);
        assert_eq!(decision_start("Resolvedness"), None);
    }
}
