//! Division lists of parliamentary records (Hansard): who voted each way.
//!
//! ```text
//! AYES
//! Abbott, Ms Diane
//! Morris, Grahame M.
//! (Easington)
//! Tellers for the Ayes:
//! Lilian Greenwood and
//! Gregg McClymont
//! NOES
//! ...
//! ```
//!
//! A list opens at a line that is only "AYES" or "NOES" (also "CONTENTS" / "NOT-CONTENTS" in
//! the Lords). Each line after it is a member written "Surname, Forename" (titles such as
//! "rh", "Mr", "Sir" after the comma); a line in brackets right after a member is the
//! constituency that tells two members of one name apart, and becomes that member's role.
//! "Tellers for the Ayes:" opens the tellers, written "Forename Surname", the first ending in
//! "and". Any other line closes the list. Blank lines are skipped. A document without
//! "Tellers for the" has no division list.

use crate::model::Person;
use crate::source::Span;

/// Words that may come between the comma and the forename ("Ainsworth, rh Mr Bob").
const HONORIFICS: &[&str] =
    &["rh", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lady", "Lord", "Baroness", "Professor", "Rev"];

/// The lines that open a list.
const OPENERS: &[&str] = &["AYES", "NOES", "CONTENTS", "NOT-CONTENTS", "NOT CONTENTS"];

/// Whether `w` is a capitalised name word ("Grahame", "M.", "McClymont", "O'Brien", "T. C.").
fn name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// "Surname, [honorifics] Forenames": a division-list member.
fn member(line: &str) -> bool {
    let Some((surname, rest)) = line.split_once(", ") else { return false };
    let surname_ok = !surname.is_empty() && surname.split_whitespace().all(name_word);
    let words: Vec<&str> = rest.split_whitespace().filter(|w| !HONORIFICS.contains(w)).collect();
    surname_ok && !words.is_empty() && words.len() <= 4 && words.iter().all(|w| name_word(w))
}

/// "Forename Surname" or "Forename Surname and": a teller.
fn teller(line: &str) -> Option<&str> {
    let name = line.strip_suffix(" and").unwrap_or(line).trim();
    let words: Vec<&str> = name.split_whitespace().filter(|w| !HONORIFICS.contains(w)).collect();
    (words.len() >= 2 && words.len() <= 5 && words.iter().all(|w| name_word(w))).then_some(name)
}

/// The members named in the division lists of `text`, each with its span; a member with a
/// constituency line has it as role.
pub(crate) fn members(text: &str) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    // Quick exit: a division list names its tellers ("Tellers for the Ayes:"); one SIMD
    // search instead of one per opener.
    if memchr::memmem::find(text.as_bytes(), b"Tellers for the").is_none() {
        return out;
    }
    #[derive(PartialEq)]
    enum State {
        Outside,
        Members,
        Tellers,
    }
    let mut state = State::Outside;
    // The member on the line before, which a constituency line may qualify.
    let mut last: Option<usize> = None;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let lead = raw.find(line).unwrap_or(0);
        let span = Span::new(start + lead, start + lead + line.len());
        let person = |name: &str| Person {
            name: Some(name.to_string()),
            role: None,
            organisation: None,
            span: Span::new(span.start, span.start + name.len()),
        };
        if OPENERS.contains(&line) {
            state = State::Members;
            last = None;
            continue;
        }
        match state {
            State::Outside => {}
            State::Members | State::Tellers if line.starts_with("Tellers for the ") && line.ends_with(':') => {
                state = State::Tellers;
                last = None;
            }
            State::Members if member(line) => {
                out.push(person(line));
                last = Some(out.len() - 1);
            }
            State::Members => match (line.strip_prefix('(').and_then(|l| l.strip_suffix(')')), last) {
                (Some(seat), Some(k)) if !seat.is_empty() && seat.len() <= 60 => {
                    out[k].role = Some(seat.trim().to_string());
                    last = None;
                }
                _ => state = State::Outside,
            },
            State::Tellers => match teller(line) {
                Some(name) => {
                    out.push(person(name));
                    if !line.ends_with(" and") {
                        state = State::Outside;
                    }
                }
                None => state = State::Outside,
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_constituencies_and_tellers() {
        let text = "The House divided:\n\nAyes 2, Noes 1.\n\nAYES\n\nAbbott, Ms Diane\n\nAinsworth, rh Mr Bob\n\nMorris, Grahame M.\n\n(Easington)\n\nTellers for the Ayes:\n\nLilian Greenwood and\n\nGregg McClymont\n\nNOES\n\nDavies, David T. C.\n\n(Monmouth)\n\nTellers for the Noes:\n\nJames Duddridge and\n\nNorman Lamb\n\nQuestion accordingly negatived.\n\nMorris, Grahame M. spoke later.\n";
        let got: Vec<(String, Option<String>)> = members(text).into_iter().map(|p| (p.name.unwrap(), p.role)).collect();
        let want = [
            ("Abbott, Ms Diane", None),
            ("Ainsworth, rh Mr Bob", None),
            ("Morris, Grahame M.", Some("Easington")),
            ("Lilian Greenwood", None),
            ("Gregg McClymont", None),
            ("Davies, David T. C.", Some("Monmouth")),
            ("James Duddridge", None),
            ("Norman Lamb", None),
        ];
        let want: Vec<(String, Option<String>)> =
            want.iter().map(|(n, r)| (n.to_string(), r.map(str::to_string))).collect();
        assert_eq!(got, want);
        for p in members(text) {
            assert_eq!(&text[p.span.start..p.span.end], p.name.as_deref().unwrap());
        }
    }

    #[test]
    fn no_list_no_members() {
        assert!(members("Smith, John\n(Somewhere)\n").is_empty());
        // A list closes at the first line that is no member.
        let text = "NOES\n\nSmith, John\n\nThe motion was lost, Chair said.\n\nJones, Ann\n\nTellers for the Noes:\n";
        let names: Vec<_> = members(text).into_iter().filter_map(|p| p.name).collect();
        assert_eq!(names, ["Smith, John"]);
    }
}
