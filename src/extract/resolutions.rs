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
    FastRegex::new(r"(?i)\b(?P<lost>not carried|was lost|motion lost|defeated|fell|rejected|negatived)\b|\b(?P<carried>carried|unanimously|passed|agreed to)\b")
        .expect("result regex")
});

static MOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:proposed|moved|proposer|mover|cynigiwyd)\s*(?:by|:)?\s*").expect("mover regex")
});
static SECONDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:seconded|seconder|second:|eiliwyd)\s*(?:by|:)?\s*").expect("seconder regex")
});

/// The first person mention right after a "proposed by"/"seconded by" cue in `text`.
fn person_after(re: &Regex, text: &str, base: usize) -> Option<Mention> {
    let m = re.find(text)?;
    let rest = &text[m.end()..];
    let first = mentions(rest, base + m.end()).into_iter().next()?;
    (first.span.start - (base + m.end()) <= 3).then_some(first)
}

/// Build a model resolution from a decision block. `context` is the surrounding paragraph
/// (a mover may be named before the keyword).
/// `vote_context` runs from the decision to the next decision or the item's end, where a
/// tally ("**Passed: 5-0**") is often written after the decision.
pub(crate) fn resolution(src: &Source, id: String, r: &ResBlock, context: Span, vote_context: Span) -> Resolution {
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
    if let Some(c) = RESULT.captures(text) {
        v.result = Some(if c.name("lost").is_some() { "lost" } else { "carried" }.to_string());
    }
    v
}

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
    }
}
