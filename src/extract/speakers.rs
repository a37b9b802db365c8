//! Person mentions: who is named, with what role, and who speaks (GOLD.md "Speakers").
//!
//! A mention is a titled name ("Mr Peerbux", "Supt. Russell", "Cllr J Smith"), a first and
//! last name ("Tim Cook"), or an unnamed office ("The Chairman", "A Partnership Member").
//! It speaks when a speech verb follows it, possibly after a role in brackets ("Mr Peerbux
//! (Head of Community Safety, KCC) introduced"), an appositive ("Supt. Russell, Head of ...,
//! commented"), a "from ..." phrase, or a list of other speakers ("Mr Hill and Supt Russell
//! responded"). Groups ("Members", "the Committee", "Officers") never match.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{contains, NOT_NAME_WORDS, OFFICES, ORG_WORDS, ROLE_HEADS, SPEECH_VERBS, TITLES};
use crate::fastre::FastRegex;
use crate::source::Span;

/// A mention found in a text, with any role given beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub name: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub span: Span,
    pub speaks: bool,
}

fn alternation(words: &[&str]) -> String {
    let mut w: Vec<&str> = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

const NAME: &str = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*";

static MENTION: LazyLock<FastRegex> = LazyLock::new(|| {
    let titles = alternation(TITLES);
    let offices = alternation(OFFICES);
    let pattern = format!(
        r"(?x)
        (?P<titled>\b(?:{titles})\.?(?:\s+(?:[A-Z]\.?\s*){{1,3}})?(?:\s+{NAME}){{1,2}})
      | (?P<office>\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][a-z]+\s+)?(?:{offices})\b)
      | (?P<plain>\b{NAME}(?:\s+{NAME}){{1,2}})
    "
    );
    FastRegex::new(&pattern).expect("mention regex")
});

static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(SPEECH_VERBS);
    let pattern = format!(
        r"(?x)^
        (?:\s*\((?P<paren>[^()]{{2,200}})\))?
        (?:\s*,\s*(?P<appos>(?:[^;()]|\([^()]{{1,40}}\)){{2,160}}?)\s*,)?
        (?:\s*,\s*(?P<acro>[A-Z]{{2,8}}))?
        (?:\s+from\s+(?P<from>[^;()]{{2,120}}?)\s*,)?
        \s+(?:(?:also|then|further|again|subsequently|briefly|formally|kindly|had|has|have|duly|verbally|jointly|both)\s+)*
        (?P<verb>(?:{verbs}))\b"
    );
    Regex::new(&pattern).expect("tail regex")
});

/// The adverbs `TAIL` allows before the verb, as written in its pattern.
const TAIL_ADVERBS: &[&str] = &[
    "also",
    "then",
    "further",
    "again",
    "subsequently",
    "briefly",
    "formally",
    "kindly",
    "had",
    "has",
    "have",
    "duly",
    "verbally",
    "jointly",
    "both",
];

/// False when `TAIL` cannot match `after`, decided without running it: every way through the
/// pattern starts with `\s*(`, `\s*,`, or whitespace then `from`, an adverb or a verb. Most
/// mentions have no tail, and the regex (large bounded repetitions) is slow to say so.
fn tail_may_match(after: &str) -> bool {
    let t = after.trim_start();
    if t.starts_with(['(', ',']) {
        return true;
    }
    after.starts_with(char::is_whitespace)
        && (t.starts_with("from")
            || TAIL_ADVERBS.iter().any(|a| t.starts_with(a))
            || SPEECH_VERBS.iter().any(|v| t.starts_with(v)))
}

static AGENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:read|moved|seconded|proposed|presented|introduced|tabled|declared|raised|reported|given|made|led)\s+by\s+|^\s*(?:sponsor|second|seconder|mover|proposer|proposed|seconded|moved)\s*:\s*)$")
        .expect("agent regex")
});

/// `AGENT_BEFORE` on `before` (the text before a mention), looking only at its end.
///
/// The pattern is anchored at the end, but the regex engine cannot search backwards with a
/// Unicode `\b` on non-ASCII text, so a plain `is_match` scans all of `before`: quadratic in
/// the number of mentions of a long text. Same result, bounded work: the first alternative is
/// a cue word (at most 10 characters) then `\s+by\s+` at the very end, so it starts within 12
/// characters before the last two whitespace runs; `is_match_at` keeps the context of `\b`.
/// The second alternative (`^\s*cue\s*:\s*$`) spans all of `before`, and can only match when
/// `before` trimmed is a cue of at most 8 characters and a colon.
fn agent_before(before: &str) -> bool {
    let is_ws = char::is_whitespace;
    let mut at = before.trim_end_matches(is_ws).len();
    let back = |at: usize, n: usize| before[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i);
    at = back(at, 2); // "by"
    at = before[..at].trim_end_matches(is_ws).len();
    at = back(at, 12); // the cue word and the character before it
    if at == 0 {
        return AGENT_BEFORE.is_match(before);
    }
    if AGENT_BEFORE.is_match_at(before, at) {
        return true;
    }
    let whole = before.trim().strip_suffix(':').map(str::trim_end);
    whole.is_some_and(|w| w.chars().count() <= 8) && AGENT_BEFORE.is_match(before)
}

static ROLE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\((?P<paren>[^()]{2,200})\))|^(?:,\s*(?P<appos>[A-Z][^;()]{2,120}?),)").expect("role regex")
});

static ROLE_BEFORE: LazyLock<FastRegex> = LazyLock::new(|| {
    let heads = alternation(ROLE_HEADS);
    let pattern = format!(
        r"(?P<pre>(?:\b[A-Z][A-Za-z&]*\s+){{0,3}})(?P<head>(?:{heads}))(?P<run>(?:\s+(?:of|for|of the|at)?\s*[A-Z][A-Za-z&]+)+)"
    );
    FastRegex::new(&pattern).expect("role-before regex")
});

/// "Violence Reduction Challenge (VRC)": a phrase followed by its own initials is a thing.
fn defines_acronym(phrase: &str, after: &str) -> bool {
    let initials: String = phrase.split_whitespace().filter_map(|w| w.chars().next()).collect();
    let after = after.trim_start();
    after.strip_prefix('(').is_some_and(|a| a.starts_with(&initials) && a[initials.len()..].starts_with(')'))
}

/// True when `s` names a person (a titled name or a plausible first and last name).
fn has_person(s: &str) -> bool {
    MENTION
        .captures_iter(s)
        .any(|c| c.name("titled").is_some() || c.name("plain").is_some_and(|p| plausible_name(p.as_str())))
}

/// True when a capitalised run of words is a name, not a thing ("Kent Police", "The Office").
fn plausible_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| !contains(NOT_NAME_WORDS, w) && !contains(ORG_WORDS, w) && !w.ends_with("shire"))
}

fn clean_title(m: &str) -> String {
    m.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Split "Head of Community Safety, KCC" into role "Head of Community Safety", organisation
/// "KCC": the last comma-separated part is the organisation when it is an acronym or holds an
/// organisation word.
pub(crate) fn split_role(s: &str) -> (Option<String>, Option<String>) {
    let s = clean_title(s.trim().trim_end_matches([',', '.']));
    if s.is_empty() {
        return (None, None);
    }
    let is_org = |p: &str| {
        let p = p.trim();
        (p.len() >= 2 && p.len() <= 8 && p.chars().all(|c| c.is_ascii_uppercase() || c == '&'))
            || p.split_whitespace().any(|w| contains(ORG_WORDS, w.trim_matches(|c: char| !c.is_alphanumeric())))
    };
    if let Some((role, org)) = s.rsplit_once(", ") {
        if is_org(org) && !role.is_empty() {
            return (Some(role.to_string()), Some(org.to_string()));
        }
    }
    if is_org(&s) && !s.split_whitespace().any(|w| contains(ROLE_HEADS, w)) {
        return (None, Some(s));
    }
    (Some(s), None)
}

/// All person mentions in `text` (which starts at byte `base` of the source), in order.
pub(crate) fn mentions(text: &str, base: usize) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    // Bytes already taken as a previous mention's role: "(Chief Inspector, Partnerships ...)"
    // holds no mention of its own.
    let mut consumed = 0;
    for c in MENTION.captures_iter(text) {
        let m = c.get(0).expect("match");
        if m.start() < consumed {
            continue;
        }
        let (name, role) = if let Some(t) = c.name("titled") {
            let s = clean_title(t.as_str());
            // "Cllr Smith The" cannot happen: NAME needs lower-case letters after a capital.
            (Some(s), None)
        } else if let Some(o) = c.name("office") {
            let words: Vec<&str> = o.as_str().split_whitespace().skip(1).collect();
            (None, Some(words.join(" ")))
        } else {
            let p = c.name("plain").expect("plain").as_str();
            if !plausible_name(p) || defines_acronym(p, &text[m.end()..]) {
                pending.clear();
                continue;
            }
            (Some(clean_title(p)), None)
        };
        // The tail patterns look at most a few hundred bytes ahead; bounding the slice keeps
        // long paragraphs linear.
        let mut cap = text.len().min(m.end() + 600);
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        let after = &text[m.end()..cap];
        let mut mention = Mention {
            name,
            role,
            organisation: None,
            span: Span::new(base + m.start(), base + m.end()),
            speaks: false,
        };
        // A list "A, B and C responded": a mention right after the previous one's separator.
        let joined = out.last().is_some_and(|prev| {
            let gap = &text[prev.span.end - base..m.start()];
            matches!(gap.trim(), "," | "and" | ", and" | "&")
        });
        if !joined {
            pending.clear();
        }
        // A passive with an agent: "was read by the Vice Chair", "Moved by Commissioner Fish".
        if agent_before(&text[..m.start()]) {
            mention.speaks = true;
            pending.clear();
            out.push(mention);
            continue;
        }
        if let Some(t) = tail_may_match(after).then(|| TAIL.captures(after)).flatten() {
            // An appositive is a role unless it names someone with a title ("Mr A, Mr B, ...").
            let appos_ok = t.name("appos").is_none_or(|a| {
                mention.name.is_none() || !MENTION.captures_iter(a.as_str()).any(|c| c.name("titled").is_some())
            });
            if appos_ok {
                mention.speaks = true;
                let role_text = t.name("paren").or(t.name("appos")).or(t.name("acro"));
                if mention.name.is_some() {
                    if let Some(r) = role_text {
                        let (role, org) = split_role(r.as_str());
                        mention.role = role;
                        mention.organisation = org;
                    } else if let Some(f) = t.name("from") {
                        mention.organisation = Some(clean_title(f.as_str()));
                    }
                }
                if let Some(v) = t.name("verb") {
                    consumed = m.end() + v.start();
                }
                for &i in &pending {
                    out[i].speaks = true;
                }
                pending.clear();
            }
        } else if mention.name.is_some() {
            if let Some(r) = ROLE_ONLY.captures(after) {
                let raw = r.name("paren").or(r.name("appos")).map_or("", |x| x.as_str());
                if !has_person(raw) || raw.split_whitespace().count() > 3 {
                    let (role, org) = split_role(raw);
                    mention.role = role;
                    mention.organisation = org;
                    consumed = m.end() + r.get(0).map_or(0, |x| x.end());
                }
            }
            pending.push(out.len());
        }
        out.push(mention);
    }
    let before = roles_before_names(text, base, &out);
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    out.retain(|m| m.speaks || m.role.is_some() || !before.iter().any(|(_, whole)| overlaps(*whole, m.span)));
    out.extend(before.into_iter().map(|(m, _)| m));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// "the then Chief Constable of Kent Police David Phillips", "KCC Chief Executive Mike Pitt":
/// a role phrase whose last two capitalised words are a name.
fn roles_before_names(text: &str, base: usize, found: &[Mention]) -> Vec<(Mention, Span)> {
    let mut out = Vec::new();
    // Brackets opened and closed in `text[..counted]`, counted once as the matches advance.
    let (mut open, mut close, mut counted) = (0usize, 0usize, 0usize);
    for c in ROLE_BEFORE.captures_iter(text) {
        let run = c.name("run").expect("run");
        let words: Vec<(usize, &str)> = run
            .as_str()
            .split_whitespace()
            .scan(0usize, |pos, w| {
                let at = run.as_str()[*pos..].find(w).map_or(*pos, |i| *pos + i);
                *pos = at + w.len();
                Some((run.start() + at, w))
            })
            .collect();
        if words.len() < 2 {
            continue;
        }
        let (first_at, first) = words[words.len() - 2];
        let (last_at, last) = words[words.len() - 1];
        let name = format!("{first} {last}");
        if !plausible_name(&name) {
            continue;
        }
        let span = Span::new(base + first_at, base + last_at + last.len());
        // A role phrase inside brackets describes the person before the brackets.
        let start = c.get(0).expect("match").start();
        let gained = &text[counted..start];
        open += gained.matches('(').count();
        close += gained.matches(')').count();
        counted = start;
        if open > close {
            continue;
        }
        if found.iter().any(|m| m.span.start <= span.start && span.end <= m.span.end && m.role.is_some()) {
            continue;
        }
        let pre = c.name("pre").map_or("", |p| p.as_str()).trim();
        let pre = pre.strip_prefix("The ").or_else(|| pre.strip_prefix("the ")).unwrap_or(pre);
        let role_words = &text[c.name("head").expect("head").start()..first_at];
        let role = format!("{pre} {role_words}").trim().trim_end_matches(|ch: char| !ch.is_alphanumeric()).to_string();
        let role = role.trim_start_matches("then ").to_string();
        let whole = c.get(0).expect("match");
        let mention =
            Mention { name: Some(name), role: Some(clean_title(&role)), organisation: None, span, speaks: false };
        out.push((mention, Span::new(base + whole.start(), base + whole.end())));
    }
    out.retain(|(m, _)| !found.iter().any(|f| f.span == m.span));
    out
}

/// Normalised key for merging mentions of one person: lower case, no dots, single spaces.
pub(crate) fn name_key(name: &str) -> String {
    name.replace('.', " ").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        mentions(text, 0).into_iter().filter(|m| m.speaks).map(|m| (m.name, m.role, m.organisation)).collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn titled_with_role_in_brackets() {
        assert_eq!(
            speakers("Mr Peerbux (Head of Community Safety, KCC) introduced this item"),
            vec![(s("Mr Peerbux"), s("Head of Community Safety"), s("KCC"))]
        );
    }

    #[test]
    fn appositive_and_from() {
        assert_eq!(
            speakers("Supt. Russell, Head of Partnerships and Communities for Kent Police, commented on"),
            vec![(s("Supt. Russell"), s("Head of Partnerships and Communities for Kent Police"), None)]
        );
        assert_eq!(
            speakers("Cynthia Allen from Kent, Surrey & Sussex Community Rehabilitation Company, advised the"),
            vec![(s("Cynthia Allen"), None, s("Kent, Surrey & Sussex Community Rehabilitation Company"))]
        );
        assert_eq!(speakers("1. Cynthia Allen, CRC addressed the issue"), vec![(s("Cynthia Allen"), None, s("CRC"))]);
    }

    #[test]
    fn offices_and_groups() {
        assert_eq!(speakers("The Chairman stated that"), vec![(None, s("Chairman"), None)]);
        assert_eq!(speakers("The Vice-Chairman asked whether"), vec![(None, s("Vice-Chairman"), None)]);
        assert_eq!(speakers("A Partnership Member advised that"), vec![(None, s("Partnership Member"), None)]);
        assert!(speakers("Members asked several questions. The Committee noted the report.").is_empty());
        assert!(speakers("Officers explained that").is_empty());
    }

    #[test]
    fn lists_of_speakers() {
        let got = speakers("Members asked several questions, Mr Beaumont, Mr Hill, Supt Russell and Mr Bone-Knell responded as follows;");
        let names: Vec<_> = got.into_iter().map(|x| x.0.unwrap()).collect();
        assert_eq!(names, vec!["Mr Beaumont", "Mr Hill", "Supt Russell", "Mr Bone-Knell"]);
    }

    #[test]
    fn passive_agents_speak() {
        assert_eq!(
            speakers("Emergency Evacuation Procedures was read by the Vice Chair."),
            vec![(None, s("Vice Chair"), None)]
        );
        let got = speakers("Moved by Commissioner Fish and seconded by Commissioner Fritz. (Y-5)");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn mentioned_is_not_speaking() {
        assert!(speakers("paid tribute to the work of Shirley Brinson for their work").is_empty());
        assert!(speakers("Andy Raby (Independent Chair for Domestic Homicide Reviews) was in attendance").is_empty());
        let all = mentions("Andy Raby (Independent Chair for Domestic Homicide Reviews) was in attendance", 0);
        assert_eq!(all[0].role, s("Independent Chair for Domestic Homicide Reviews"));
    }

    #[test]
    fn role_before_name() {
        let all = mentions(
            "set up by the then Chief Constable of Kent Police David Phillips and KCC Chief Executive Mike Pitt.",
            0,
        );
        let got: Vec<_> = all.iter().map(|m| (m.name.clone().unwrap(), m.role.clone().unwrap())).collect();
        assert_eq!(
            got,
            vec![
                ("David Phillips".to_string(), "Chief Constable of Kent Police".to_string()),
                ("Mike Pitt".to_string(), "KCC Chief Executive".to_string())
            ]
        );
    }

    #[test]
    fn tail_prefilter_lists_the_pattern_adverbs() {
        let adverbs = format!(r"(?:(?:{})\s+)*", TAIL_ADVERBS.join("|"));
        assert!(TAIL.as_str().contains(&adverbs), "TAIL_ADVERBS out of step with TAIL");
        for (after, tail) in [
            (" said that", true),
            (" (Head of X) reported", true),
            (", Clerk, noted", true),
            (" from KCC, advised", true),
            (" also said", true),
            (" and Mr B said", false),
            ("said", false),
            (".", false),
        ] {
            assert_eq!(TAIL.captures(after).is_some(), tail, "{after}");
            assert!(tail_may_match(after) || !tail, "{after}");
        }
    }

    #[test]
    fn name_keys_ignore_dots() {
        assert_eq!(name_key("Supt. Russell"), name_key("Supt Russell"));
    }
}

/// Labels before a colon that are never speakers.
const NOT_TURNS: &[&str] = &[
    "Action",
    "Actions",
    "Agenda",
    "Agreed",
    "Aye",
    "Ayes",
    "Chair",
    "Conclusion",
    "Date",
    "Decision",
    "Email",
    "Item",
    "Location",
    "Minutes",
    "Motion",
    "No",
    "Noes",
    "Note",
    "Notes",
    "Outcome",
    "Present",
    "Proposed",
    "Question",
    "Regrets",
    "Remote",
    "Resolution",
    "Resolved",
    "Result",
    "Scribe",
    "Seconded",
    "Summary",
    "Time",
    "Topic",
    "Update",
    "Venue",
    "Vote",
    "Yes",
];

static TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:>\s*)?(?:
          \*\*(?P<bold>[^*:\n]{1,60}?)\*\*\s*:
        | \*\*(?P<bold2>[^*:\n]{1,60}?):\*\*
        | [*_](?P<it>[^*_:\n]{1,60}?):[*_]
        | [*_](?P<it2>[^*_:\n]{1,60}?)[*_]\s*:
        | The\s+(?P<office>[^:()\n]{3,140}?)\s+\((?P<oname>[^()\n]{3,60})\):
        | (?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4})(?:\s+\((?P<c1>[^()\n]{1,60})\))?(?:\s+\((?P<c2>[^()\n]{1,30})\))?:
        | (?P<rname>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2}),\s(?P<c3>[A-Z][^:\n]{2,100}?):
        )\s",
    )
    .expect("turn regex")
});

/// A speaker turn at the start of a paragraph: "MB: ...", "**Bert**: ...", "> *Ric Wright:* ...",
/// "Mr David Hanson (Delyn) (Lab): ...", "The Secretary of State for ... (Mr William Hague): ...",
/// "Adams: ...". Returns the mention and whether it is a single bare word (which the caller
/// accepts only when the same label recurs).
///
/// `spoken` says the text is a transcript: there "Fish: Aye." is a person speaking, while in
/// written minutes it is a vote recorded in a roll.
pub(crate) fn turn_in(text: &str, base: usize, spoken: bool) -> Option<(Mention, bool)> {
    let c = TURN.captures(text)?;
    let whole = c.get(0).expect("match");
    // "Sherif Mansour:  Yay" is a vote in a roll call, not a speaker turn (GOLD.md).
    let said = text[whole.end()..].trim().trim_end_matches('.').to_ascii_lowercase();
    if !spoken
        && matches!(
            said.as_str(),
            "yay"
                | "yea"
                | "yes"
                | "no"
                | "nay"
                | "aye"
                | "abstain"
                | "abstained"
                | "no vote"
                | "for"
                | "against"
                | "absent"
        )
    {
        return None;
    }
    // The match ends with one whitespace character, which may be multibyte (NBSP).
    let label_end = text[..whole.end()].char_indices().next_back().map_or(0, |(i, _)| i);
    let span = Span::new(base, base + label_end.min(text.len()));
    if let (Some(office), Some(name)) = (c.name("office"), c.name("oname")) {
        let mention = Mention {
            name: Some(clean_title(name.as_str())),
            role: Some(clean_title(office.as_str())),
            organisation: None,
            span,
            speaks: true,
        };
        return Some((mention, false));
    }
    let raw =
        c.name("bold").or(c.name("bold2")).or(c.name("it")).or(c.name("it2")).or(c.name("name")).or(c.name("rname"))?;
    let name = clean_title(raw.as_str().trim());
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || NOT_TURNS.contains(&words[0]) || contains(NOT_NAME_WORDS, &name) {
        return None;
    }
    let titled = words.len() >= 2 && contains(TITLES, words[0].trim_end_matches('.'));
    let initials = words.len() == 1 && (2..=5).contains(&name.len()) && name.chars().all(|ch| ch.is_ascii_uppercase());
    let plain = plausible_name(&name);
    let marked = c.name("bold").or(c.name("bold2")).or(c.name("it")).or(c.name("it2")).is_some();
    let single = words.len() == 1 && !initials;
    if !(titled || initials || plain || single || marked && words.len() <= 4) {
        return None;
    }
    if words.len() > 1 && !titled && !plain && !marked {
        return None;
    }
    if c.name("rname").is_some() && !plain {
        return None;
    }
    let (role, organisation) = match (c.name("c1").or(c.name("c3")), c.name("c2")) {
        (Some(a), Some(b)) => (Some(a.as_str().to_string()), Some(b.as_str().to_string())),
        (Some(a), None) => split_role(a.as_str()),
        _ => (None, None),
    };
    let mention = Mention { name: Some(name), role, organisation, span, speaks: true };
    Some((mention, single && !marked))
}

#[cfg(test)]
mod turn_tests {
    use super::*;

    fn t(s: &str) -> Option<(Option<String>, Option<String>, bool)> {
        turn_in(s, 0, false).map(|(m, single)| (m.name, m.role, single))
    }

    #[test]
    fn turns() {
        assert_eq!(t("MB: With the updates"), Some((Some("MB".into()), None, false)));
        assert_eq!(t("**Bert**: Discussed adding WG"), Some((Some("Bert".into()), None, false)));
        assert_eq!(t("> *Ric Wright:* I agree"), Some((Some("Ric Wright".into()), None, false)));
        assert_eq!(
            t("Mr David Hanson (Delyn) (Lab): What"),
            Some((Some("Mr David Hanson".into()), Some("Delyn".into()), false))
        );
        assert_eq!(
            t("The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague): The"),
            Some((
                Some("Mr William Hague".into()),
                Some("Secretary of State for Foreign and Commonwealth Affairs".into()),
                false
            ))
        );
        assert_eq!(t("Adams: Good morning"), Some((Some("Adams".into()), None, true)));
        assert_eq!(t("Note: the hall is booked"), None);
        assert_eq!(t("The Chairman said that"), None);
        assert_eq!(t("Great Mans Way: text"), None);
    }
}
