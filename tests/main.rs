//! The one integration-test binary: corpus snapshots, invariants over every corpus document,
//! the command line, and tidy checks.

#![allow(clippy::print_stderr, clippy::print_stdout)]
mod batch;
mod bulk;
mod cli;
mod corpus;
mod export;
mod faults;
mod followups;
mod formats;
mod hostile;
mod invariants;
#[cfg(feature = "postgres")]
mod pg;
mod props;
#[cfg(feature = "search")]
mod search;
mod tidy;
mod util;
