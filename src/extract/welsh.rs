//! Welsh minutes (Cymraeg): the word lists and cues that let the English rules read them.
//!
//! Community councils in Wales publish their minutes in Welsh as well as English. Welsh puts
//! the verb first ("Dywedodd y Clerc", "said the Clerk"), reports much in the impersonal
//! passive with an agent ("Cynigiwyd gan y Cyng. X", "proposed by Cllr X"), and mutates a
//! word's first letter after some words ("cynigiwyd" → "gynigiwyd", "chynigiwyd"); the lists
//! below hold the forms found in the Manordeilo and Salem minutes.

/// Impersonal past forms (-wyd) that make their agent ("gan y Cyng. X", "by Cllr X") a
/// speaker (GOLD.md "Speakers": proposes, seconds, reports, presents, informs, takes the
/// chair and welcomes). Not: "derbyniwyd" (received), "arwyddwyd" (signed).
const PASSIVE_SPEECH: &[&str] = &[
    "adroddwyd",
    "amlinellwyd",
    "atebwyd",
    "awgrymwyd",
    "chynigiwyd",
    "codwyd",
    "croesawyd",
    "cyflwynwyd",
    "cymerwyd",
    "cynigiwyd",
    "darllenwyd",
    "ddarllenwyd",
    "ddywedwyd",
    "dywedwyd",
    "eglurwyd",
    "eiliwyd",
    "esboniwyd",
    "godwyd",
    "gofynnwyd",
    "gyflwynwyd",
    "gymerwyd",
    "gynigiwyd",
    "hysbyswyd",
    "mynegwyd",
    "nodwyd",
    "pwysleisiwyd",
    "rannwyd",
    "rhannwyd",
    "soniwyd",
    "ychwanegwyd",
];

/// Third-person past forms (-odd) that make the person after them a speaker ("Diolchodd y
/// Cadeirydd", "the Chair thanked"). Not: "mynychodd" (attended), "ymunodd" (joined).
const ACTIVE_SPEECH: &[&str] = &[
    "adroddodd",
    "amlinellodd",
    "amlygodd",
    "atebodd",
    "awgrymodd",
    "cadarnhaodd",
    "chroesawodd",
    "cododd",
    "croesawodd",
    "cyfeiriodd",
    "cyflwynodd",
    "cynghorodd",
    "cynigiodd",
    "cytunodd",
    "datganodd",
    "ddatganodd",
    "ddywedodd",
    "diolchodd",
    "dywedodd",
    "eglurodd",
    "eiliodd",
    "esboniodd",
    "gofynnodd",
    "groesawodd",
    "gwirfoddolodd",
    "gyflwynodd",
    "hysbysodd",
    "mynegodd",
    "nododd",
    "ofynnodd",
    "pwysleisiodd",
    "rhoddodd",
    "siaradodd",
    "soniodd",
    "ychwanegodd",
    "ymddiheurodd",
];

/// Verb-nouns after "Fe wnaeth <person>" ("did declare": "Fe wnaeth y Cyng. J. Davies ddatgan
/// diddordeb") that make the person a speaker, in the mutated form that follows.
const DID_SPEECH: &[&str] = &[
    "adrodd",
    "amlinellu",
    "ateb",
    "awgrymu",
    "bwysleisio",
    "ddatgan",
    "ddiolch",
    "ddweud",
    "egluro",
    "eilio",
    "esbonio",
    "fynegi",
    "gadarnhau",
    "godi",
    "groesawu",
    "gyflwyno",
    "gynnig",
    "hysbysu",
    "nodi",
    "ofyn",
    "siarad",
    "sôn",
    "wirfoddoli",
    "ymddiheuro",
];

/// Offices that speak without a name, after the article ("y Clerc", "i’r Cadeirydd").
pub(crate) const OFFICES: &[&str] =
    &["Cadeirydd", "Clerc", "Is-Gadeirydd", "Is-gadeirydd", "Trysorydd", "Ysgrifennydd"];

/// A Welsh task and its owner: "y Cyng. Alun Davies i gysylltu â Centaframe" (X to contact),
/// "Cyng. O. Williams a’r Clerc i adolygu’r Rheolau Sefydlog" (X and the Clerk to review: the
/// first named owns it), "Gofynnwyd i’r Clerc ysgrifennu at Mrs Phillips" (the Clerk was asked
/// to write). Returns the owner's text. The verb-noun after "i" is lower case; "i" before a
/// capital is "to" a place or person ("i Gyngor Sir Gâr").
static OWNER_TO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let person = r"(?:Cyng\.?|Cynghorydd)\s+(?:[A-Z]\.\s*){0,3}[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?|Clerc|Cadeirydd";
    regex::Regex::new(&format!(
        r"(?:^|[\s(])(?:[Yy]\s+)?(?P<owner>{person})(?:\s+a[’']r\s+(?:{person}))?\s+i\s+[a-zŵŷâêîôû][a-zŵŷâêîôû’']+|[Gg]ofynnwyd\s+i[’']r\s+(?P<asked>{person})\s+[a-zŵŷâêîôû]|\b[Bb]ydd\s+(?:y\s+)?(?P<will>{person})\s+yn\s+[a-zŵŷâêîôû]"
    ))
    .expect("welsh owner regex")
});

/// The owner of a Welsh task in `text` ([`OWNER_TO`]), if any.
pub(crate) fn owner_task(text: &str) -> Option<regex::Match<'_>> {
    // Each person holds "Cyng", "Clerc" or "Cadeirydd": a capital C (found with `memchr`).
    let b = text.as_bytes();
    let person = |i: usize| ["Cyng", "Clerc", "Cadeirydd"].iter().any(|w| b[i..].starts_with(w.as_bytes()));
    if !memchr::memchr_iter(b'C', b).any(person) {
        return None;
    }
    // "diolchodd y Cadeirydd i aelodau" (the Chair thanked members), "gan y Clerc i ...": the
    // person is the subject of a past verb or an agent, not given a task.
    OWNER_TO.captures_iter(text).find_map(|c| {
        let owner = c.name("owner").or_else(|| c.name("asked")).or_else(|| c.name("will"))?;
        let before = text[..owner.start()].trim_end();
        let before = before.strip_suffix(" y").or_else(|| before.strip_suffix(" Y")).unwrap_or(before);
        let word = last_word(before).map(|(w, _)| w).unwrap_or_default();
        (c.name("owner").is_none() || !(word.ends_with("odd") || word == "gan")).then_some(owner)
    })
}

/// Welsh month names, lower case, January first (radical forms, and the soft-mutated forms
/// written after "mis", month: "mis Fawrth").
const MONTHS: [&[&str]; 12] = [
    &["ionawr"],
    &["chwefror"],
    &["mawrth", "fawrth"],
    &["ebrill"],
    &["mai", "fai"],
    &["mehefin", "fehefin"],
    &["gorffennaf", "orffennaf"],
    &["awst"],
    &["medi", "fedi"],
    &["hydref"],
    &["tachwedd", "dachwedd"],
    &["rhagfyr"],
];

/// The number of a Welsh month name (lower case): "mehefin" -> 6.
pub(crate) fn month(lower: &str) -> Option<u32> {
    MONTHS.iter().position(|forms| forms.contains(&lower)).map(|i| i as u32 + 1)
}

/// The last word of `s` (letters, apostrophes, hyphens), lower-cased, and the text before it.
fn last_word(s: &str) -> Option<(String, &str)> {
    let s = s.trim_end();
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .last()
        .map(|(i, _)| i)?;
    Some((s[start..].to_lowercase(), &s[..start]))
}

/// True when the Welsh text around a mention makes it a speaker: `before` is the text up to
/// the mention, `after` the text after it.
///
/// - a passive speech verb then its agent: "Cynigiwyd gan y Cyng. X", "Cymerwyd y Gadair gan
///   y Cyng. X", "Hysbyswyd gan y Clerc" (the nearest -wyd verb before "gan" in the clause
///   decides: "llythyr a dderbyniwyd gan Mr X", a letter received from Mr X, is not speech);
/// - an active speech verb before its subject: "Diolchodd y Cadeirydd", "dywedodd y Cyng. X";
/// - "Fe wnaeth y Cyng. X ddatgan": "did" then the subject then a speech verb-noun.
pub(crate) fn speaks(before: &str, after: &str) -> bool {
    // The word before the mention (or before its article "y"/"yr") decides: "gan" (by),
    // "wnaeth" (did) or a past speech verb; in English text it is none of them.
    let Some((mut word, mut rest)) = last_word(before) else { return false };
    if word == "y" || word == "yr" {
        match last_word(rest) {
            Some((w, r)) => (word, rest) = (w, r),
            None => return false,
        }
    }
    match word.as_str() {
        "gan" => {
            // The clause of this agent: back to a sentence mark or an earlier agent ("Hysbyswyd
            // gan y Clerc bod ... wedi’i dderbyn gan Zurich": Zurich is not the informant).
            let clause_start = rest.rfind(['.', ';', ':', '\n', '(']).map_or(0, |i| i + 1);
            let clause = &rest[clause_start..];
            let clause = clause.rfind(" gan ").map_or(clause, |i| &clause[i + 5..]);
            let verb = clause
                .split(|c: char| !(c.is_alphabetic() || c == '’' || c == '\''))
                .rev()
                .map(str::to_lowercase)
                .find(|w| w.ends_with("wyd"));
            verb.is_some_and(|v| PASSIVE_SPEECH.binary_search(&v.as_str()).is_ok())
        }
        "wnaeth" => {
            let fe = last_word(rest).is_some_and(|(w, _)| w == "fe");
            let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
            fe && DID_SPEECH.binary_search(&next.trim_end_matches([',', '.'])).is_ok()
        }
        w => ACTIVE_SPEECH.binary_search(&w).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [PASSIVE_SPEECH, ACTIVE_SPEECH, DID_SPEECH] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn owners() {
        let owner = |t: &str| owner_task(t).map(|m| m.as_str().to_string());
        assert_eq!(
            owner("felly y Cyng. Alun Davies i gysylltu â Centaframe i drafod").as_deref(),
            Some("Cyng. Alun Davies")
        );
        assert_eq!(
            owner("- Cyng. O. Williams a’r Clerc i adolygu’r Rheolau Sefydlog.").as_deref(),
            Some("Cyng. O. Williams")
        );
        assert_eq!(owner("Gofynnwyd i’r Clerc ysgrifennu at Mrs Phillips i ddiolch iddi.").as_deref(), Some("Clerc"));
        assert_eq!(owner("Diolchwyd i’r Clerc am ei gwaith."), None, "thanked: no task");
        assert_eq!(owner("diolchodd y Cadeirydd i aelodau am fynychu"), None, "the Chair thanked members");
        assert_eq!(owner("Bydd y Cyng. O. Williams yn anfon dolen ato.").as_deref(), Some("Cyng. O. Williams"));
        assert_eq!(owner("llythyr gan y Cyng. O. Williams i Gyngor Sir Gâr"), None, "to a body");
        assert_eq!(owner("The Clerk to write to the owner."), None);
    }

    #[test]
    fn who_speaks() {
        let at = |s: &str, name: &str| {
            let i = s.find(name).expect("name in text");
            speaks(&s[..i], &s[i + name.len()..])
        };
        assert!(at("Cymerwyd y Gadair gan y Cyng. O. Williams a chroesawodd bawb", "Cyng. O. Williams"));
        assert!(at("Cynigiwyd gan y Cyng. P. Harries, eiliwyd gan y Cyng. W. Loynton ac", "Cyng. P. Harries"));
        assert!(at("Cynigiwyd gan y Cyng. P. Harries, eiliwyd gan y Cyng. W. Loynton ac", "Cyng. W. Loynton"));
        assert!(at("Hysbyswyd gan y Clerc bod archwiliad", "y Clerc"));
        assert!(at("Rhannwyd gwybodaeth drefniadol ar gyfer y cyfarfod gan y Cyng. O. Williams.", "Cyng. O. Williams"));
        assert!(at("Diolchodd y Cadeirydd i bawb", "y Cadeirydd"));
        assert!(at("Fe wnaeth y Cyng. J. Davies ddatgan diddordeb", "Cyng. J. Davies"));
        // received from, signed by, did (something else), attended: no speech
        assert!(!at("Derbyniwyd ymddiheuriadau gan y Cynghorwyr Kim Davies", "Kim Davies"));
        assert!(!at("Arwyddwyd y cofnodion gan y Cadeirydd.", "y Cadeirydd"));
        assert!(!at("Hysbyswyd gan y Clerc bod yr archwiliad wedi’i gwblhau gan Mrs Wendy Phillips.", "Mrs Wendy"));
        assert!(!at("Cynigiwyd y dylid talu am y llythyr a dderbyniwyd gan Mr Jones", "Mr Jones"));
        assert!(!at("Fe wnaeth y Cyng. J. Davies gwblhau'r gwaith", "Cyng. J. Davies"));
        assert!(!at("Mynychodd y Cyng. A. Thomas y cyfarfod", "Cyng. A. Thomas"));
        assert!(!at("The report was read by Cllr Smith", "Cllr Smith"));
    }
}
