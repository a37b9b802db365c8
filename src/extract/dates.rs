//! Date and deadline phrases to ISO dates, with small nom parsers.
//!
//! ```text
//! 20 March 2019   20th March, 2019   Wednesday, 20th March 2019   March 20, 2019
//! 20/03/2019      2019-03-20         the end of July 2022 (-> 2022-07-31)   July 2022
//! ```

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

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

    fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
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
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, idx as u32 + 1))
}

fn number<T: std::str::FromStr>(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, T> {
    move |i| map_res(take_while_m_n(min, max, |c: char| c.is_ascii_digit()), str::parse).parse(i)
}

fn day(i: &str) -> IResult<&str, u32> {
    terminated(number(1, 2), opt(alt((tag_no_case("st"), tag_no_case("nd"), tag_no_case("rd"), tag_no_case("th")))))
        .parse(i)
}

fn weekday(i: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            tag_no_case("monday"),
            tag_no_case("tuesday"),
            tag_no_case("wednesday"),
            tag_no_case("thursday"),
            tag_no_case("friday"),
            tag_no_case("saturday"),
            tag_no_case("sunday"),
        )),
        opt(char(',')),
        multispace1,
    ))
    .parse(i)
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

/// A deadline phrase in `s`: "by the end of July 2022", "by 31 July 2022", "before 1 May 2020",
/// "to the next meeting", "in due course". Returns (ISO date if calendar, phrase as written).
pub fn find_deadline(s: &str) -> Option<(Option<String>, String)> {
    let lower = s.to_ascii_lowercase();
    for kw in ["by ", "before ", "no later than ", "not later than ", "until ", "deadline of "] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(kw) {
            let at = from + pos;
            from = at + kw.len();
            if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let rest = &s[at + kw.len()..];
            let r: IResult<&str, Date> =
                preceded(opt(tag_no_case("the ")), alt((dmy, mdy, iso, numeric_dmy, month_end))).parse(rest);
            if let Ok((tail, d)) = r {
                let end = s.len() - tail.len();
                return Some((Some(d.iso()), s[at..end].to_string()));
            }
        }
    }
    for phrase in
        ["the next meeting", "next meeting", "in due course", "the next council meeting", "the next committee meeting"]
    {
        if let Some(pos) = lower.find(phrase) {
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
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
