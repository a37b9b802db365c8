//! Tidy: a `//!` doc on every source file, no `dbg!`/`todo!`, every diagnostic code documented
//! in `diagnostics.rs`.

use crate::util::{files_under, root};

#[test]
fn every_source_file_has_a_module_doc() {
    for p in files_under(&root().join("src")) {
        if p.extension().is_some_and(|e| e == "rs") {
            let s = std::fs::read_to_string(&p).unwrap();
            assert!(s.trim_start().starts_with("//!"), "{} lacks a //! module doc", p.display());
            assert!(!s.contains("dbg!(") && !s.contains("todo!("), "{} has dbg!/todo!", p.display());
        }
    }
}

#[test]
fn every_diagnostic_code_is_documented() {
    let src = std::fs::read_to_string(root().join("src/diagnostics.rs")).unwrap();
    for code in minutes::diagnostics::Code::ALL {
        let doc = format!("/// `{}`", code.name());
        assert!(src.contains(&doc), "code {} has no doc comment starting {doc}", code.name());
    }
}
