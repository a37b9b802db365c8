//! Date and deadline phrases to ISO dates, with small nom parsers.
//!
//! ```text
//! 20 March 2019   20th March, 2019   Wednesday, 20th March 2019   March 20, 2019
//! 20/03/2019      2019-03-20         the end of July 2022 (-> 2022-07-31)   July 2022
//! ```

use std::sync::LazyLock;

use memchr::memmem::Finder;
use nom::branch::alt;
use nom::bytes::complete::{take_while1, take_while_m_n};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::segment::labels::tag_no_case;

/// Month names, lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day of the week, Monday = 0 (Sakamoto's method, Gregorian calendar).
    pub fn weekday(self) -> u32 {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.month < 3 { self.year - 1 } else { self.year };
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[(self.month - 1) as usize] + self.day as i32).rem_euclid(7);
        ((sunday0 + 6) % 7) as u32
    }

    pub(crate) fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1800..=2200).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(i: &str) -> IResult<&str, u32> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    let w = word.to_ascii_lowercase();
    let idx = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
        .or_else(|| super::welsh::month(&w))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, idx))
}

fn number<T: std::str::FromStr>(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, T> {
    move |i| map_res(take_while_m_n(min, max, |c: char| c.is_ascii_digit()), str::parse).parse(i)
}

/// `20`, `20th`, and the Welsh ordinals `10fed`, `11eg`, `1af`, `2il`, `3ydd`, `5ed`, `21ain`.
fn day(i: &str) -> IResult<&str, u32> {
    let english = alt((tag_no_case("st"), tag_no_case("nd"), tag_no_case("rd"), tag_no_case("th")));
    let welsh = alt((
        tag_no_case("fed"),
        tag_no_case("eg"),
        tag_no_case("ed"),
        tag_no_case("ain"),
        tag_no_case("ail"),
        tag_no_case("af"),
        tag_no_case("il"),
        tag_no_case("ydd"),
    ));
    terminated(number(1, 2), opt(alt((english, welsh)))).parse(i)
}

/// Weekday names, lower case, Monday first ([`Date::weekday`]'s order).
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A weekday name ([`written_weekday`]), then an optional comma and white space.
fn weekday(i: &str) -> IResult<&str, &str> {
    recognize((weekday_name, opt(char(',')), multispace1)).parse(i)
}

/// One of [`WEEKDAYS`], in any ASCII case.
fn weekday_name(i: &str) -> IResult<&str, &str> {
    let no = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
    let day = written_weekday(i).ok_or_else(no)?;
    tag_no_case(WEEKDAYS[day as usize]).parse(i)
}

/// The weekday a date begins with ("Monday January 4th 2015", "MONDAY, 4th January"),
/// Monday = 0; matched as the date parsers match it (`tag_no_case`).
pub fn written_weekday(s: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| tag_no_case::<nom::error::Error<&str>>(d)(s).is_ok()).map(|i| i as u32)
}

fn sep(i: &str) -> IResult<&str, &str> {
    recognize((opt(char(',')), multispace0, opt(tag_no_case("of ")), multispace0)).parse(i)
}

/// `20 March 2019`, `20th March, 2019`, `Wednesday 20th of March 2019`.
fn dmy(i: &str) -> IResult<&str, Date> {
    let (rest, (_, d, _, _, m, _, y)) =
        (opt(weekday), day, multispace1, opt(tag_no_case("day of ")), month_name, sep, number::<i32>(4, 4)).parse(i)?;
    valid(i, rest, y, m, d)
}

/// `March 20, 2019`, `Wednesday, March 20th 2019`.
fn mdy(i: &str) -> IResult<&str, Date> {
    let (rest, (_, m, _, d, _, y)) = (opt(weekday), month_name, multispace1, day, sep, number::<i32>(4, 4)).parse(i)?;
    valid(i, rest, y, m, d)
}

/// `20/03/2019`, `20.03.2019` (UK order: day first).
fn numeric_dmy(i: &str) -> IResult<&str, Date> {
    let (rest, (d, _, m, _, y)) = (
        number::<u32>(1, 2),
        alt((char('/'), char('.'))),
        number::<u32>(1, 2),
        alt((char('/'), char('.'))),
        number::<i32>(4, 4),
    )
        .parse(i)?;
    valid(i, rest, y, m, d)
}

/// `2019-03-20`.
fn iso(i: &str) -> IResult<&str, Date> {
    let (rest, (y, _, m, _, d)) =
        (number::<i32>(4, 4), char('-'), number::<u32>(2, 2), char('-'), number::<u32>(2, 2)).parse(i)?;
    valid(i, rest, y, m, d)
}

/// `July 2022` or `the end of July 2022`: the last day of the month.
fn month_end(i: &str) -> IResult<&str, Date> {
    let (rest, (_, m, _, y)) =
        (opt((opt(tag_no_case("the ")), tag_no_case("end of "))), month_name, multispace1, number::<i32>(4, 4))
            .parse(i)?;
    valid(i, rest, y, m, days_in_month(y, m))
}

fn valid<'a>(i: &'a str, rest: &'a str, y: i32, m: u32, d: u32) -> IResult<&'a str, Date> {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Date::checked(y, m, d)
        .map(|date| (rest, date))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
}

/// False when no date parser can match at the start of `s`: each starts with an ASCII digit,
/// a weekday (`tag_no_case`: no character but the ASCII capitals lowercases to a letter of a
/// weekday name) or a month name (ASCII letters, at least its first three). `find_date` tries
/// every word start; this skips most of them without running the parsers.
fn may_start_date(s: &str) -> bool {
    const STARTS: [&[u8; 3]; 19] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec", b"mon", b"tue",
        b"wed", b"thu", b"fri", b"sat", b"sun",
    ];
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    // `| 0x20` lowercases an ASCII capital and makes no other byte a lower-case letter.
    b.get(..3).is_some_and(|p| STARTS.contains(&&[p[0] | 0x20, p[1] | 0x20, p[2] | 0x20]))
}

/// A full date at the start of `s`; returns the date and the bytes it used.
pub fn date_at(s: &str) -> Option<(Date, usize)> {
    if !may_start_date(s) {
        return None;
    }
    let r: IResult<&str, Date> = alt((dmy, mdy, iso, numeric_dmy)).parse(s);
    r.ok().map(|(rest, d)| (d, s.len() - rest.len()))
}

/// The first full date anywhere in `s`, with its byte range.
pub fn find_date(s: &str) -> Option<(Date, usize, usize)> {
    for (at, _) in s.char_indices() {
        let prev_alnum = s[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric());
        if prev_alnum {
            continue;
        }
        if let Some((d, len)) = date_at(&s[at..]) {
            return Some((d, at, at + len));
        }
    }
    None
}

/// An ordinal day: `13th`, `1st` (the suffix required: a bare number before a month is too
/// often a quantity).
fn ordinal_day(i: &str) -> IResult<&str, u32> {
    let suffix = alt((tag_no_case("st"), tag_no_case("nd"), tag_no_case("rd"), tag_no_case("th")));
    terminated(number(1, 2), suffix).parse(i)
}

/// A date written without its year at the start of `s`: "Tuesday 13th September", "April
/// 11th", "Tuesday 13 September" (a weekday or an ordinal says it is a date); (month, day).
fn day_month_at(s: &str) -> Option<(u32, u32)> {
    if !may_start_date(s) {
        return None;
    }
    let dm_weekday = (weekday, day, multispace1, month_name).map(|(_, d, _, m)| (m, d));
    let dm_ordinal = (ordinal_day, multispace1, opt(tag_no_case("of ")), month_name).map(|(d, _, _, m)| (m, d));
    let md = (opt(weekday), month_name, multispace1, ordinal_day).map(|(_, m, _, d)| (m, d));
    let r: IResult<&str, (u32, u32)> = alt((dm_weekday, dm_ordinal, md)).parse(s);
    let (rest, (m, d)) = r.ok()?;
    // Followed by a year, it is a full date ([`find_date`]); run into a word, no date.
    let year_follows = rest.trim_start_matches([',', ' ']).starts_with(|c: char| c.is_ascii_digit());
    (d <= days_in_month(2000, m) && !year_follows && !rest.starts_with(|c: char| c.is_alphanumeric())).then_some((m, d))
}

/// The first date written without a year in `s` ([`day_month_at`]), given the year from a
/// date known to be on or after it (a post's date): the latest such day not after `by`.
pub fn find_yearless_before(s: &str, by: Date) -> Option<Date> {
    for (at, _) in s.char_indices() {
        if s[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        if let Some((m, d)) = day_month_at(&s[at..]) {
            // Another meeting's date ("to be approved at the meeting on Tuesday 12th June",
            // "postponed from 3rd April", "next meeting"): not this one's.
            let before = s[..at].to_ascii_lowercase();
            if ["approved", "from", "next", "postponed", "to be", "deferred"].iter().any(|w| before.contains(w)) {
                continue;
            }
            let this = Date::checked(by.year, m, d);
            return match this {
                Some(t) if (t.month, t.day) <= (by.month, by.day) => Some(t),
                _ => Date::checked(by.year - 1, m, d),
            };
        }
    }
    None
}

/// Keywords with their substring searchers, built once: `match_indices` set up a two-way
/// searcher for each keyword on every call. `memmem` gives the same non-overlapping matches,
/// from the front, and a keyword starting with an ASCII byte matches at character boundaries.
struct Keywords(Vec<(&'static str, Finder<'static>)>);

impl Keywords {
    fn new(words: &[&'static str]) -> Keywords {
        Keywords(words.iter().map(|&w| (w, Finder::new(w))).collect())
    }
}

/// Where each of `kws` starts a word in `lower` (a lower-cased text), in keyword order, then
/// text order.
fn keyword_hits<'a>(lower: &'a str, kws: &'a Keywords) -> impl Iterator<Item = (&'static str, usize)> + 'a {
    kws.0.iter().flat_map(move |(kw, finder)| {
        finder
            .find_iter(lower.as_bytes())
            .filter(|&at| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
            .map(move |at| (*kw, at))
    })
}

static DEADLINE_KEYWORDS: LazyLock<Keywords> =
    LazyLock::new(|| Keywords::new(&["by ", "before ", "no later than ", "not later than ", "until ", "deadline of "]));

/// Phrases of a deadline without a date, searched in this order.
static NEXT_MEETING: LazyLock<Keywords> = LazyLock::new(|| {
    Keywords::new(&[
        "the next meeting",
        "next meeting",
        "in due course",
        "the next council meeting",
        "the next committee meeting",
    ])
});

static RELATIVE_KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    Keywords::new(&[
        "by ",
        "before ",
        "no later than ",
        "not later than ",
        "within ",
        "in ",
        "during ",
        "at ",
        "to ",
        "for ",
    ])
});

/// A deadline phrase in `s`: "by the end of July 2022", "by 31 July 2022", "before 1 May 2020",
/// "to the next meeting", "in due course". Returns (ISO date if calendar, phrase as written).
pub fn find_deadline(s: &str) -> Option<(Option<String>, String)> {
    let lower = s.to_ascii_lowercase();
    for (kw, at) in keyword_hits(&lower, &DEADLINE_KEYWORDS) {
        let rest = &s[at + kw.len()..];
        let r: IResult<&str, Date> =
            preceded(opt(tag_no_case("the ")), alt((dmy, mdy, iso, numeric_dmy, month_end))).parse(rest);
        if let Ok((tail, d)) = r {
            let end = s.len() - tail.len();
            return Some((Some(d.iso()), s[at..end].to_string()));
        }
    }
    for (phrase, finder) in &NEXT_MEETING.0 {
        if let Some(pos) = finder.find(lower.as_bytes()) {
            let start = ["to ", "at ", "until ", "for ", "before ", "by "]
                .iter()
                .find(|w| lower[..pos].ends_with(*w))
                .map_or(pos, |w| pos - w.len());
            let mut end = pos + phrase.len();
            // "the next meeting of the KCSP": keep the body named.
            if let Some(of) = lower[end..].strip_prefix(" of ") {
                let tail_len = of.find(['.', ',', ';']).unwrap_or(of.len());
                if tail_len < 60 {
                    end += 4 + tail_len;
                }
            }
            return Some((None, s[start..end].to_string()));
        }
    }
    find_relative(s).map(|(_, phrase)| (None, phrase))
}

/// A deadline written without a year, resolved against the date of the meeting that set it
/// ([`Relative::resolve`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// "by 31 May", "by the 31st of May", "by May 31st": the first such day on or after the
    /// meeting.
    Day { month: u32, day: u32 },
    /// "by May", "by the end of May": the last day of the first such month on or after the
    /// meeting's month.
    MonthEnd(u32),
    /// "before the May meeting", "to the September meeting": the body's meeting in that month.
    MonthMeeting(u32),
    /// "in this financial year", "by the end of the financial year": the next 31 March (the UK
    /// public-sector financial year, which parish and borough councils keep).
    FinancialYearEnd,
    /// "by the end of the year", "by year end": 31 December of the meeting's year.
    YearEnd,
    /// "by the end of the month": the last day of the meeting's month.
    MonthOfMeetingEnd,
    /// "by the end of next month".
    NextMonthEnd,
    /// "within 14 days", "within two weeks", "within 10 working days" (as calendar days).
    WithinDays(u32),
    /// "within three months".
    WithinMonths(u32),
}

impl Relative {
    /// The date it means for a meeting held on `meeting`; `None` for [`Relative::MonthMeeting`],
    /// which needs the body's calendar.
    pub fn resolve(self, meeting: Date) -> Option<Date> {
        let Date { year, month, day } = meeting;
        let end = |y: i32, m: u32| Date { year: y, month: m, day: days_in_month(y, m) };
        Some(match self {
            Relative::Day { month: m, day: d } => {
                let y = if (m, d) >= (month, day) { year } else { year + 1 };
                // "by 29 February" in a year without one: the day before.
                Date { year: y, month: m, day: d.min(days_in_month(y, m)) }
            }
            Relative::MonthEnd(m) => end(if m >= month { year } else { year + 1 }, m),
            Relative::MonthMeeting(_) => return None,
            Relative::FinancialYearEnd => end(if month <= 3 { year } else { year + 1 }, 3),
            Relative::YearEnd => end(year, 12),
            Relative::MonthOfMeetingEnd => end(year, month),
            Relative::NextMonthEnd => {
                if month == 12 {
                    end(year + 1, 1)
                } else {
                    end(year, month + 1)
                }
            }
            Relative::WithinDays(n) => meeting.plus_days(n),
            Relative::WithinMonths(n) => {
                let m0 = month - 1 + n;
                let (y, m) = (year + (m0 / 12) as i32, m0 % 12 + 1);
                Date { year: y, month: m, day: day.min(days_in_month(y, m)) }
            }
        })
    }
}

impl Date {
    /// The date `n` days later.
    pub fn plus_days(self, n: u32) -> Date {
        let mut d = self;
        let mut left = n;
        while left > 0 {
            let room = days_in_month(d.year, d.month) - d.day;
            if left <= room {
                d.day += left;
                break;
            }
            left -= room + 1;
            d.day = 1;
            if d.month == 12 {
                d.month = 1;
                d.year += 1;
            } else {
                d.month += 1;
            }
        }
        d
    }
}

/// Words before "by" that make the name after it a person ("proposed by May Smith").
const BY_PERSON: &[&str] = &[
    "chaired",
    "introduced",
    "led",
    "moved",
    "nominated",
    "opposed",
    "presented",
    "proposed",
    "raised",
    "represented",
    "seconded",
    "signed",
    "supported",
];

/// A number of days, weeks or months written in digits or words ("14", "two", "a").
/// Number words, "one" to "twenty".
const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The value of a number word ("six" -> 6, any ASCII case), one to twenty.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    NUMBER_WORDS.iter().position(|n| n.eq_ignore_ascii_case(w)).map(|k| k as u32 + 1)
}

fn count(i: &str) -> IResult<&str, u32> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphanumeric())(i)?;
    let w = word.to_ascii_lowercase();
    let n = match w.parse::<u32>() {
        Ok(n) if (1..=366).contains(&n) => n,
        Ok(_) => return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))),
        // "a week", "two weeks", up to "twelve months".
        Err(_) => match if w == "a" { Some(1) } else { number_word(&w).filter(|&n| n <= 12) } {
            Some(n) => n,
            None => return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
        },
    };
    Ok((rest, n))
}

/// "14 days", "two weeks", "10 working days", "a fortnight", "three months".
fn period(i: &str) -> IResult<&str, Relative> {
    let fortnight: IResult<&str, _> = (opt(tag_no_case("a ")), tag_no_case("fortnight")).parse(i);
    if let Ok((rest, _)) = fortnight {
        return Ok((rest, Relative::WithinDays(14)));
    }
    let (rest, (n, _, working, unit)) = (
        count,
        multispace1,
        opt(tag_no_case("working ")),
        alt((
            tag_no_case("days"),
            tag_no_case("day"),
            tag_no_case("weeks"),
            tag_no_case("week"),
            tag_no_case("months"),
            tag_no_case("month"),
        )),
    )
        .parse(i)?;
    let unit = unit.to_ascii_lowercase();
    Ok((
        rest,
        match (unit.as_str(), working.is_some()) {
            ("day" | "days", false) => Relative::WithinDays(n),
            // Five working days make a calendar week.
            ("day" | "days", true) => Relative::WithinDays(n.div_ceil(5) * 7),
            ("week" | "weeks", _) => Relative::WithinDays(n * 7),
            _ => Relative::WithinMonths(n),
        },
    ))
}

/// "the end of the financial year", "this financial year", "the current financial year".
fn financial_year(i: &str) -> IResult<&str, Relative> {
    let (rest, _) = (
        opt(tag_no_case("the end of ")),
        opt(alt((tag_no_case("the current "), tag_no_case("this "), tag_no_case("the ")))),
        tag_no_case("financial year"),
        opt(tag_no_case(" end")),
    )
        .parse(i)?;
    Ok((rest, Relative::FinancialYearEnd))
}

/// A yearless month, day or period after one of the deadline words.
fn relative(i: &str) -> IResult<&str, Relative> {
    alt((
        |i| financial_year(i),
        |i| {
            alt((tag_no_case("the end of the year"), tag_no_case("the year end"), tag_no_case("year end")))
                .parse(i)
                .map(|(r, _)| (r, Relative::YearEnd))
        },
        |i| tag_no_case("the end of the month").parse(i).map(|(r, _)| (r, Relative::MonthOfMeetingEnd)),
        |i| tag_no_case("the end of next month").parse(i).map(|(r, _)| (r, Relative::NextMonthEnd)),
        |i| period(i),
        |i| {
            (opt(tag_no_case("the ")), month_name, multispace1, tag_no_case("meeting"))
                .parse(i)
                .map(|(r, (_, m, _, _))| (r, Relative::MonthMeeting(m)))
        },
        |i| {
            (opt(tag_no_case("the ")), day, multispace1, opt(tag_no_case("of ")), month_name)
                .parse(i)
                .map(|(r, (_, d, _, _, m))| (r, Relative::Day { month: m, day: d }))
        },
        |i| (month_name, multispace1, day).parse(i).map(|(r, (m, _, d))| (r, Relative::Day { month: m, day: d })),
        |i| {
            (opt((opt(tag_no_case("the ")), tag_no_case("end of "))), month_name)
                .parse(i)
                .map(|(r, (_, m))| (r, Relative::MonthEnd(m)))
        },
    ))
    .parse(i)
}

/// A deadline without a year in `s` ([`Relative`]): "by 31 May", "by the end of May", "within
/// 14 days", "in this financial year", "before the May meeting". Returns it and the phrase as
/// written. Not a name after "proposed by" ("proposed by May Smith"), not a day that a year
/// or a capitalised word follows, not a month that a day is missing from ("by 31" alone).
pub fn find_relative(s: &str) -> Option<(Relative, String)> {
    let lower = s.to_ascii_lowercase();
    for (kw, at) in keyword_hits(&lower, &RELATIVE_KEYWORDS) {
        let word_before = lower[..at].split_whitespace().next_back().unwrap_or("");
        if kw == "by " && BY_PERSON.contains(&word_before) {
            continue;
        }
        let rest = &s[at + kw.len()..];
        let Ok((tail, r)) = relative(rest) else { continue };
        // Only some forms after the looser words: "in this financial year", "within 14
        // days", "at the May meeting"; not "in May" (a report of when), "to May".
        let ok = match kw {
            "within " => matches!(r, Relative::WithinDays(_) | Relative::WithinMonths(_) | Relative::FinancialYearEnd),
            "in " | "during " => r == Relative::FinancialYearEnd,
            "at " | "to " | "for " => matches!(r, Relative::MonthMeeting(_)),
            _ => !matches!(r, Relative::WithinDays(_) | Relative::WithinMonths(_)),
        };
        // The word must end there: "by Mayfield", "by 31 May 20" (a broken year), "by
        // June Smith".
        let next = tail.chars().next();
        let ends = next.is_none_or(|c| !c.is_alphanumeric())
            && !tail.trim_start_matches([' ', ',']).starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase());
        if ok && ends {
            // A month name takes an abbreviation's full stop ("Sept."); a sentence's is not
            // the phrase's.
            let end = s.len() - tail.len();
            return Some((r, s[at..end].trim_end_matches('.').to_string()));
        }
    }
    // "within 14 days" etc. need their keyword; the periods are only read after "within".
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_hits_are_match_indices() {
        let mut hays =
            crate::fastre::sample_haystacks(3_000, &["by the", "no later than no later than ", "in in ", "é"]);
        hays.extend(["by by by ", "to to", "xin in", "not later than not later than"].map(String::from));
        let mut found = 0;
        for kws in [&*DEADLINE_KEYWORDS, &*NEXT_MEETING, &*RELATIVE_KEYWORDS] {
            for h in &hays {
                let lower = h.to_ascii_lowercase();
                let theirs: Vec<(&str, usize)> = kws
                    .0
                    .iter()
                    .flat_map(|(kw, _)| {
                        let lower = &lower;
                        lower
                            .match_indices(kw)
                            .map(|(at, _)| at)
                            .filter(move |&at| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
                            .map(move |at| (*kw, at))
                    })
                    .collect();
                assert_eq!(keyword_hits(&lower, kws).collect::<Vec<_>>(), theirs, "{h:?}");
                found += theirs.len();
            }
        }
        assert!(found > 1_000, "{found}");
    }

    fn d(s: &str) -> Option<String> {
        date_at(s).map(|(d, _)| d.iso())
    }

    #[test]
    fn dates() {
        assert_eq!(d("20 March 2019"), Some("2019-03-20".into()));
        assert_eq!(d("20th March, 2019"), Some("2019-03-20".into()));
        assert_eq!(d("Wednesday, 20th March 2019"), Some("2019-03-20".into()));
        assert_eq!(d("Wednesday 5th June 2019 at 7"), Some("2019-06-05".into()));
        assert_eq!(d("January 12, 2011"), Some("2011-01-12".into()));
        assert_eq!(d("12/01/2011"), Some("2011-01-12".into()));
        assert_eq!(d("2011-01-12"), Some("2011-01-12".into()));
        assert_eq!(d("Sept 3 2020"), Some("2020-09-03".into()));
        assert_eq!(d("12TH DAY OF JANUARY, 2011"), Some("2011-01-12".into()));
        assert_eq!(d("31 February 2020"), None);
        assert_eq!(d("20 Marching 2019"), None);
    }

    #[test]
    fn date_filter_never_rejects_a_date() {
        const PARTS: &[&str] = &[
            "20",
            "3",
            "1st",
            "22nd",
            "March",
            "MARCH",
            "mar",
            "Mar.",
            "Sept",
            "sept",
            "September",
            "Wednesday",
            "WEDNESDAY,",
            "wed",
            "of",
            "day of",
            "the end of",
            "2019",
            "12/01/2011",
            "2011-01-12",
            "20.03.2019",
            ",",
            " ",
            "  ",
            "\t",
            "\u{212a}",
            "é",
            "x",
            "Marching",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let (mut dates, mut n) = (0, 0);
        while n < 50_000 {
            let mut s = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(PARTS[(seed % PARTS.len() as u64) as usize]);
                if seed & 0x100 != 0 {
                    s.push(' ');
                }
            }
            for (at, _) in s.char_indices() {
                let r: IResult<&str, Date> = alt((dmy, mdy, iso, numeric_dmy)).parse(&s[at..]);
                if r.is_ok() {
                    dates += 1;
                    assert!(may_start_date(&s[at..]), "{:?}", &s[at..]);
                }
            }
            n += 1;
        }
        assert!(dates > 2_500, "{dates}");
    }

    #[test]
    fn welsh_dates() {
        let d = |s: &str| find_date(s).map(|(d, _, _)| d.iso());
        assert_eq!(d("Cyfarfod 10fed Mehefin 2020"), Some("2020-06-10".into()));
        assert_eq!(d("ar yr 11eg Mawrth 2020"), Some("2020-03-11".into()));
        assert_eq!(d("dyddiedig 1af Ebrill 2020"), Some("2020-04-01".into()));
        assert_eq!(d("am 7:30 ar 14 Ionawr 2015 yn"), Some("2015-01-14".into()));
        assert_eq!(d("CYFARFOD 31AIN GORFFENNAF 2019"), Some("2019-07-31".into()));
    }

    #[test]
    fn find_date_skips_words() {
        let (date, a, b) = find_date("held on 10 October 2018 at").unwrap();
        assert_eq!((date.iso().as_str(), a, b), ("2018-10-10", 8, 23));
    }

    #[test]
    fn deadlines() {
        assert_eq!(
            find_deadline("Provide feedback (KCST) by the end of July 2022, or at any time"),
            Some((Some("2022-07-31".into()), "by the end of July 2022".into()))
        );
        assert_eq!(
            find_deadline("report by 31st March 2020."),
            Some((Some("2020-03-31".into()), "by 31st March 2020".into()))
        );
        assert_eq!(find_deadline("by February 2024"), Some((Some("2024-02-29".into()), "by February 2024".into())));
        assert_eq!(
            find_deadline("be brought to the next meeting of the KCSP."),
            Some((None, "to the next meeting of the KCSP".into()))
        );
        assert_eq!(find_deadline("circulated in due course"), Some((None, "in due course".into())));
        assert_eq!(find_deadline("nothing here"), None);
    }

    fn rel(s: &str, meeting: &str) -> Option<(String, String)> {
        let (r, phrase) = find_relative(s)?;
        let (m, _) = date_at(meeting).unwrap();
        Some((r.resolve(m).map_or("-".into(), |d| d.iso()), phrase))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.into(), b.into()))
    }

    #[test]
    fn relative_deadlines() {
        let m = "2019-04-03";
        assert_eq!(rel("the Clerk to report by 31 May.", m), pair("2019-05-31", "by 31 May"));
        assert_eq!(rel("to be done by the 1st of March", m), pair("2020-03-01", "by the 1st of March"));
        assert_eq!(rel("done by May 3rd", m), pair("2019-05-03", "by May 3rd"));
        assert_eq!(rel("finished by the end of June", m), pair("2019-06-30", "by the end of June"));
        assert_eq!(rel("finished by April", m), pair("2019-04-30", "by April"));
        assert_eq!(rel("finished by January", m), pair("2020-01-31", "by January"));
        assert_eq!(rel("completed in the financial year", m), pair("2020-03-31", "in the financial year"));
        assert_eq!(rel("completed in this financial year", "2019-02-06"), pair("2019-03-31", "in this financial year"));
        assert_eq!(
            rel("before the end of the financial year", m),
            pair("2020-03-31", "before the end of the financial year")
        );
        assert_eq!(rel("by the end of the year", m), pair("2019-12-31", "by the end of the year"));
        assert_eq!(rel("by the end of the month", m), pair("2019-04-30", "by the end of the month"));
        assert_eq!(rel("by the end of next month", "2019-12-04"), pair("2020-01-31", "by the end of next month"));
        assert_eq!(rel("reply within 14 days", "2019-12-20"), pair("2020-01-03", "within 14 days"));
        assert_eq!(rel("within two weeks", m), pair("2019-04-17", "within two weeks"));
        assert_eq!(rel("within a fortnight", m), pair("2019-04-17", "within a fortnight"));
        assert_eq!(rel("within 10 working days", m), pair("2019-04-17", "within 10 working days"));
        assert_eq!(rel("within three months", "2019-11-30"), pair("2020-02-29", "within three months"));
        assert_eq!(rel("brought back to the May meeting", m), pair("-", "to the May meeting"));
        // Not deadlines.
        assert_eq!(rel("proposed by May Smith, seconded by June", m), None);
        assert_eq!(rel("walked by June Hall's house", m), None);
        assert_eq!(rel("the fete in May", m), None);
        assert_eq!(rel("within the parish", m), None);
        assert_eq!(rel("by Mayfield Road", m), None);
        assert_eq!(rel("by 14 days", m), None);
        // A full date is find_deadline's, with its year.
        assert_eq!(find_deadline("by 31 May 2019"), Some((Some("2019-05-31".into()), "by 31 May 2019".into())));
        assert_eq!(find_deadline("by 31 May"), Some((None, "by 31 May".into())));
    }

    #[test]
    fn adding_days() {
        let d = Date { year: 2019, month: 12, day: 31 };
        assert_eq!(d.plus_days(1).iso(), "2020-01-01");
        assert_eq!(d.plus_days(60).iso(), "2020-02-29");
        assert_eq!(d.plus_days(0).iso(), "2019-12-31");
    }
}
