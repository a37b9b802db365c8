//! Decisions: kind, clauses, motion (mover, seconder), vote (counts, result) and the
//! actions a decision asks for.

use std::sync::LazyLock;

use regex::Regex;

use super::actions;
use super::speakers::{mentions, Mention};
use crate::fastre::FastRegex;
use crate::model::{Clause, Motion, Resolution, Vote};
use crate::segment::ResBlock;
use crate::source::{Source, Span};

static VOTE_COUNTS: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"(?ix)
        (?:carried|passed|approved|agreed|lost|defeated|failed|vote[sd]?)[^0-9.;]{0,20}?\(?(?P<f>\d{1,3})\s*(?:-|–|to|:)\s*(?P<a>\d{1,3})(?:\s*(?:-|–|:)\s*(?P<ab>\d{1,3}))?
      | \(\s*Y\s*-\s*(?P<y>\d{1,3})(?:\s*;?\s*N\s*-\s*(?P<n>\d{1,3}))?\s*\)
      | \bAyes\s+(?P<f3>\d{1,3}),?\s+Noes\s+(?P<a3>\d{1,3})
      | (?P<f2>\d{1,3})\s+(?:votes?\s+)?(?:in\s+favour|for)\b(?:[^0-9.]{0,20}?(?P<a2>\d{1,3})\s+against)?(?:[^0-9.]{0,20}?(?P<ab2>\d{1,3})\s+abstentions?)?
    ",
    )
    .expect("vote regex")
});

static RESULT: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(r"(?i)\b(?P<lost>not carried|was lost|motion lost|defeated|fell|rejected|negatived)\b|\b(?P<carried>carried|unanimously|unanimous|passed|agreed to|all in favour|all agreed|agreed by all|nem\.? ?con|yn unfrydol)\b")
        .expect("result regex")
});

/// "(Y-5)" or "(Y-4; N-1)" ending the text before an outcome.
static TALLY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*Y\s*-\s*(?P<y>\d{1,3})(?:\s*;?\s*N\s*-\s*(?P<n>\d{1,3}))?\s*\)$").expect("tally regex")
});

static MOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:proposed|moved|proposer|mover|sponsor|sponsored|cynigiwyd|prop\.?(?:\s|:))\s*(?:by|:)?\s*")
        .expect("mover regex")
});
static SECONDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:seconded|seconder|second:|eiliwyd)\s*(?:by|:)?\s*|\b2nd(?:ed)?\s*(?:by|:)?\s*")
        .expect("seconder regex")
});
/// "Cllr Nicholas-Letch proposed, seconded by ...": the mover named before the verb.
static MOVER_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:proposed|moved|seconded)\b").expect("mover verb regex"));
/// A name with no title right after a cue ("Second: Grant Ongers", "Sponsor: Joubin"), on the
/// same line and ending the line or the clause.
static BARE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][\w'’-]+(?:[ \t]+(?:(?:de|van|von|der|la|le|du|da|di)[ \t]+)?[A-Z][\w'’-]+){0,3}[ \t]*(?:$|[,;.\n(])",
    )
    .expect("bare name regex")
});
/// Initials standing for a member ("Prop CP, 2nd RC"), as notes-style minutes write them.
static INITIALS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]{2,4}\b").expect("initials regex"));

/// The first person mention right after a "proposed by"/"seconded by" cue in `text`, or the
/// person named just before the verb ("Cllr X proposed, seconded by Cllr Y").
fn person_after(re: &Regex, text: &str, base: usize) -> Option<Mention> {
    let m = re.find(text)?;
    let rest = &text[m.end()..];
    let first = mentions(rest, base + m.end()).into_iter().next();
    if let Some(mut first) = first.filter(|f| f.span.start - (base + m.end()) <= 3) {
        // A name ends its line: "Sponsor: Joubin Jabbari\nSecond: ..." is not "Jabbari Second".
        let local = first.span.start - base - m.end()..first.span.end - base - m.end();
        if let Some(nl) = rest[local.clone()].find('\n') {
            let name = rest[local.start..local.start + nl].trim_end();
            if first.name.as_deref().is_some_and(|n| n.contains(name)) && !name.is_empty() {
                first.name = Some(name.to_string());
                first.span = Span::new(first.span.start, first.span.start + name.len());
            }
        }
        return Some(first);
    }
    if let Some(n) = BARE_NAME.find(rest) {
        let name = n.as_str().trim_end_matches([',', ';', '.', '\n', '(', ' ', '\t']);
        let span = Span::new(base + m.end(), base + m.end() + name.len());
        return Some(Mention { name: Some(name.to_string()), role: None, organisation: None, span, speaks: false });
    }
    if let Some(i) = INITIALS.find(rest) {
        let span = Span::new(base + m.end() + i.start(), base + m.end() + i.end());
        return Some(Mention {
            name: Some(i.as_str().to_string()),
            role: None,
            organisation: None,
            span,
            speaks: false,
        });
    }
    None
}

/// The person named right before "proposed"/"moved" when the mover is the sentence subject.
fn subject_mover(text: &str, base: usize) -> Option<Mention> {
    let verb = MOVER_VERB.find(text)?;
    if verb.as_str() == "seconded" {
        return None;
    }
    mentions(&text[..verb.start()], base).into_iter().rev().find(|m| {
        let end = m.span.end - base;
        m.name.is_some() && text[end..verb.start()].trim().is_empty()
    })
}

/// Build a model resolution from a decision block. `context` is the surrounding paragraph
/// (a mover may be named before the keyword).
/// `vote_context` runs from the decision to the next decision or the item's end, where a
/// tally ("**Passed: 5-0**") is often written after the decision.
/// `lead` is the text just before the decision, where a roll-call tally may stand.
pub(crate) fn resolution(
    src: &Source,
    id: String,
    r: &ResBlock,
    context: Span,
    vote_context: Span,
    lead: Span,
) -> Resolution {
    let text = src.get(r.span).to_string();
    let clauses: Vec<Clause> = r
        .clauses
        .iter()
        .map(|c| Clause { label: c.label.clone(), text: src.get(c.text).to_string(), span: c.span })
        .collect();
    let ctx = src.get(context);
    let wide = src.get(vote_context);
    let motion = Motion {
        mover: person_after(&MOVER, ctx, context.start)
            .or_else(|| subject_mover(ctx, context.start))
            .or_else(|| person_after(&MOVER, wide, vote_context.start))
            .map(super::to_person),
        seconder: person_after(&SECONDER, ctx, context.start)
            .or_else(|| person_after(&SECONDER, wide, vote_context.start))
            .map(super::to_person),
    };
    let mut vote = vote(&text);
    if vote.for_.is_none() && vote.result.is_none() {
        vote = self::vote(wide);
    }
    if vote.for_.is_none() {
        if let Some(c) = TALLY_BEFORE.captures(src.get(lead).trim_end()) {
            let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
            vote.for_ = num("y");
            vote.against = num("n").or(Some(0));
        }
    }
    let actions = actions::from_resolution(src, r, &clauses);
    Resolution { id, text, span: r.span, kind: r.kind.name().to_string(), clauses, motion, vote, actions }
}

/// Counts and result stated in a decision's text.
pub(crate) fn vote(text: &str) -> Vote {
    let mut v = Vote::default();
    if let Some(c) = VOTE_COUNTS.captures(text) {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        v.for_ = num("f").or(num("y")).or(num("f2")).or(num("f3"));
        v.against = num("a").or(num("n")).or(num("a2")).or(num("a3")).or(c.name("y").map(|_| 0));
        v.abstain = num("ab").or(num("ab2"));
    }
    if v.abstain.is_none() {
        v.abstain = ABSTAINED.captures(text).and_then(|c| c["n"].parse().ok());
    }
    if let Some(c) = RESULT.captures(text) {
        v.result = Some(if c.name("lost").is_some() { "lost" } else { "carried" }.to_string());
    } else if let (Some(f), a) = (v.for_, v.against) {
        // "5 in favour, 2 against": a tally states its outcome.
        let a = a.unwrap_or(0);
        if f != a {
            v.result = Some(if f > a { "carried" } else { "lost" }.to_string());
        }
    }
    v
}

/// "(2 abstained due to interest)", "1 abstention".
static ABSTAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>\d{1,3})\s+(?:abstained|abstentions?|abstaining|abstain)\b").expect("abstained regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        let v = vote("The motion was carried 5-0.");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(5), Some(0), Some("carried")));
        let v = vote("Moved by Commissioner Fish and seconded by Commissioner Fritz. (Y-5)");
        assert_eq!((v.for_, v.against), (Some(5), Some(0)));
        let v = vote("7 in favour, 2 against and 1 abstention; the motion was lost");
        assert_eq!((v.for_, v.against, v.abstain, v.result.as_deref()), (Some(7), Some(2), Some(1), Some("lost")));
        assert_eq!(vote("RESOLVED that the update be noted.").result, None);
    }

    #[test]
    fn mover_and_seconder() {
        let t = "It was proposed by Cllr Smith, seconded by Cllr Jones and unanimously agreed";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Smith"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Jones"));
        let t = "Cllr Nicholas-Letch proposed, seconded by Cllr Precey that no action be taken.";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Nicholas-Letch"));
        let t = "Sponsor: Joubin Jabbari\nSecond: Vandana Verma\n";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Joubin Jabbari"));
        let t = "- Sponsor: Sherif Mansour\n- Second: Grant Ongers\n";
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Grant Ongers"));
        let t = "Payments approved. Prop CP, 2nd RC, All agreed.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("CP"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("RC"));
    }
}
