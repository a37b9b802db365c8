//! Searching the index: tantivy's query language over the record text, plus filters on
//! speaker, body, meeting date and record kind, ranked by BM25, with highlighted snippets.

use std::ops::{Bound, Range};

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, TantivyDocument};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TokenStream;
use tantivy::{DocId, Score, SegmentReader, Term};

use super::{from_doc, iso_date, IndexError, SearchIndex};
use crate::emit::search_records::{Record, RecordKind};

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 200;

/// What to look for. `text` uses tantivy's query language: words (any may match, all rank
/// higher), `"a phrase"`, `AND`/`OR`/`NOT`, `+must -mustnot`, and `field:value` for the fields
/// `text`, `title`, `body`, `speaker`, `role`, `owner`, `kind`, `decision`, `vote`, `number`.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// The query; empty matches every record (filters still apply).
    pub text: String,
    /// Only records where this person speaks (paragraphs) or moves/seconds (resolutions).
    pub speaker: Option<String>,
    /// Only records of meetings of this body (all its words, in order).
    pub body: Option<String>,
    /// Only meetings on or after this ISO date.
    pub since: Option<String>,
    /// Only meetings on or before this ISO date.
    pub until: Option<String>,
    /// Only records of these kinds (any of them); empty for all.
    pub kinds: Vec<RecordKind>,
    /// At most this many hits.
    pub limit: usize,
}

/// A snippet of a hit's text with the matched words marked.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// A piece of the record's text.
    pub fragment: String,
    /// Byte ranges of `fragment` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

/// One ranked hit.
#[derive(Clone, Debug)]
pub struct Hit {
    /// BM25 score; higher is better.
    pub score: f32,
    /// The record as stored.
    pub record: Record,
    /// Where the query matched in the record's text.
    pub snippet: Snippet,
}

impl SearchIndex {
    /// Run `q` and return its best hits, best first.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>, IndexError> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let text_query = if q.text.trim().is_empty() {
            None
        } else {
            let parser = QueryParser::for_index(&self.index, vec![f.text]);
            let parsed =
                parser.parse_query(&q.text).map_err(|e| IndexError::new(format!("bad query {:?}: {e}", q.text)))?;
            Some(parsed)
        };
        match &text_query {
            Some(tq) => clauses.push((Occur::Must, tq.box_clone())),
            None => clauses.push((Occur::Must, Box::new(AllQuery))),
        }
        clauses.push((Occur::MustNot, super::term_query(f.kind, super::MARKER_KIND)));
        if let Some(s) = &q.speaker {
            clauses.push((Occur::Must, self.words_query(f.speaker, s)?));
        }
        if let Some(b) = &q.body {
            clauses.push((Occur::Must, self.words_query(f.body, b)?));
        }
        if q.since.is_some() || q.until.is_some() {
            let bound = |d: &Option<String>, name: &str| -> Result<Bound<Term>, IndexError> {
                match d {
                    None => Ok(Bound::Unbounded),
                    Some(s) => iso_date(s)
                        .map(|dt| Bound::Included(Term::from_field_date_for_search(f.date, dt)))
                        .ok_or_else(|| IndexError::new(format!("--{name} {s:?} is not a YYYY-MM-DD date"))),
                }
            };
            let lower = bound(&q.since, "since")?;
            let upper = bound(&q.until, "until")?;
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if !q.kinds.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> =
                q.kinds.iter().map(|k| (Occur::Should, super::term_query(f.kind, k.name()))).collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let query = BooleanQuery::new(clauses);
        let weighted = TopDocs::with_limit(q.limit.max(1)).tweak_score(|segment: &SegmentReader| {
            let ranks = segment.fast_fields().u64(super::KIND_RANK).ok().map(|c| c.first_or_default_col(1));
            move |doc: DocId, score: Score| match &ranks {
                Some(r) => score * super::KIND_WEIGHT.get(r.get_val(doc) as usize).copied().unwrap_or(1.0),
                None => score,
            }
        });
        let top = searcher.search(&query, &weighted)?;
        let snippets = match &text_query {
            Some(tq) => {
                let mut g = SnippetGenerator::create(&searcher, tq.as_ref(), f.text)?;
                g.set_max_num_chars(SNIPPET_CHARS);
                Some(g)
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let record = from_doc(&f, &doc);
            let snippet = snippets
                .as_ref()
                .map(|g| g.snippet(&record.text))
                .filter(|s| !s.is_empty() && !s.highlighted().is_empty())
                .map(|s| Snippet { fragment: s.fragment().to_string(), highlights: s.highlighted().to_vec() })
                .unwrap_or_else(|| Snippet { fragment: head(&record.text, SNIPPET_CHARS), highlights: Vec::new() });
            hits.push(Hit { score, record, snippet });
        }
        Ok(hits)
    }

    /// All the words of `value` (as the field's tokenizer cuts them), in order: a term query
    /// for one word, a phrase query for more. An error when `value` has no word.
    fn words_query(&self, field: Field, value: &str) -> Result<Box<dyn Query>, IndexError> {
        let mut analyzer = self.index.tokenizer_for_field(field)?;
        let mut terms = Vec::new();
        let mut stream = analyzer.token_stream(value);
        stream.process(&mut |t| terms.push(Term::from_field_text(field, &t.text)));
        match terms.len() {
            0 => Err(IndexError::new(format!("{value:?} has no word to search for"))),
            1 => Ok(Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic))),
            _ => Ok(Box::new(PhraseQuery::new(terms))),
        }
    }
}

/// The first `max` characters of `text`, cut at a word boundary when there is one, with `…`.
fn head(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let cut = text[..cut].rfind(char::is_whitespace).filter(|&i| i > 0).unwrap_or(cut);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::DecodeOptions;
    use crate::emit::search_records::records;
    use crate::Options;

    fn index_text(idx: &SearchIndex, path: &str, text: &str) {
        let opts = Options { with_text: true, path: path.into() };
        let doc = crate::parse_bytes(text.as_bytes(), &DecodeOptions::default(), &opts).unwrap();
        let mut w = idx.writer().unwrap();
        w.replace(path, &doc.id, &records(&doc, doc.source.text.as_deref())).unwrap();
        w.commit().unwrap();
    }

    const A: &str = "Parish Council\n\nDate: 20 March 2019\n\nAgenda item\n\n3. Playground\n\nMinutes:\n\n1. Mr Smith reported that the swings were broken.\n\n2. RESOLVED that the swings be repaired.\n";

    #[test]
    fn finds_and_highlights() {
        let idx = SearchIndex::in_memory();
        index_text(&idx, "a.txt", A);
        let hits = idx.search(&SearchQuery { text: "swings".into(), limit: 10, ..Default::default() }).unwrap();
        assert!(!hits.is_empty());
        let s = &hits[0].snippet;
        assert!(s.highlights.iter().all(|r| s.fragment[r.clone()].eq_ignore_ascii_case("swings")));
        let hits = idx
            .search(&SearchQuery {
                text: "swings".into(),
                kinds: vec![RecordKind::Resolution],
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].record.kind, RecordKind::Resolution);
    }

    #[test]
    fn replace_leaves_no_stale_record() {
        let idx = SearchIndex::in_memory();
        index_text(&idx, "a.txt", A);
        index_text(&idx, "a.txt", &A.replace("swings", "slide"));
        let q = |t: &str| idx.search(&SearchQuery { text: t.into(), limit: 10, ..Default::default() }).unwrap().len();
        assert_eq!(q("swings"), 0);
        assert!(q("slide") > 0);
    }

    #[test]
    fn bad_filters_are_errors() {
        let idx = SearchIndex::in_memory();
        let q = SearchQuery { since: Some("last week".into()), limit: 1, ..Default::default() };
        assert!(idx.search(&q).is_err());
        let q = SearchQuery { speaker: Some("  ".into()), limit: 1, ..Default::default() };
        assert!(idx.search(&q).is_err());
    }

    #[test]
    fn head_cuts_at_words() {
        assert_eq!(head("one two three", 100), "one two three");
        assert_eq!(head("one two three", 9), "one two…");
    }
}
