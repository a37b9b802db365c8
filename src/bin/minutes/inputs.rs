//! Inputs of `load` and `export`: paths (files, or directories searched for minutes files) to
//! documents, parsed in parallel. A `.json` file is read as an already-produced `minutes/1`
//! document; anything else is parsed like `minutes parse` does (PDF through `pdftotext`).

use std::path::{Path, PathBuf};

use minutes::emit::records::{self, Records};
use minutes::Document;
use rayon::prelude::*;

/// Extensions picked up when a directory is given (an explicit file is always read).
const DIR_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "pdf", "json"];

/// Files named by `paths`: files as given, directories searched recursively for files with a
/// minutes extension (skipping README.md and gold annotations), sorted.
pub fn expand(paths: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort();
            out.extend(found.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&p, out);
            continue;
        }
        // Symlinked folders are not followed, as in `parse`: a link to an ancestor would
        // read the tree again at every level down to the kernel's limit.
        if ft.is_symlink() && p.is_dir() {
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let skip = matches!(name, "README.md" | "GOLD.md") || name.ends_with(".gold.json");
        if !skip && DIR_EXTENSIONS.contains(&ext.as_str()) {
            out.push(p);
        }
    }
}

/// Read one input: a `minutes/1` JSON file, or a document to parse.
pub fn read_document(path: &str) -> Result<Document, String> {
    if path.ends_with(".json") {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let doc: Document =
            serde_json::from_slice(&bytes).map_err(|e| format!("{path}: not a minutes/1 document: {e}"))?;
        if doc.schema != minutes::model::SCHEMA_TAG {
            return Err(format!("{path}: schema is {:?}, not {:?}", doc.schema, minutes::model::SCHEMA_TAG));
        }
        if doc.id.is_empty() {
            return Err(format!("{path}: the document has an empty id"));
        }
        return Ok(doc);
    }
    super::parse_file(path, None, false)
}

/// Read and flatten `paths` in parallel, keeping their order.
pub fn flatten_all(paths: &[String]) -> Vec<(String, Result<Records, String>)> {
    paths.par_iter().map(|p| (p.clone(), read_document(p).map(|d| records::flatten(&d)))).collect()
}
