//! The one integration-test binary: corpus snapshots, invariants over every corpus document,
//! the command line, and tidy checks.

#![allow(clippy::print_stderr, clippy::print_stdout)]
mod cli;
mod corpus;
mod invariants;
#[cfg(feature = "search")]
mod search;
mod tidy;
mod util;
