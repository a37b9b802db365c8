//! The few real errors: input that cannot be read at all. Odd minutes are never an error;
//! they become diagnostics in the document.

use std::fmt;

/// An error from the library: boxed so `Result<Document, Error>` stays small.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the input failed.
    Io(std::io::Error),
    /// The input is in a format this build cannot read (e.g. PDF without `pdftotext`).
    UnsupportedFormat(String),
    /// An external text extractor failed on the input.
    Extract(String),
}

impl Error {
    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io(e) => write!(f, "cannot read input: {e}"),
            ErrorKind::UnsupportedFormat(m) => write!(f, "unsupported input: {m}"),
            ErrorKind::Extract(m) => write!(f, "text extraction failed: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io(e))
    }
}
