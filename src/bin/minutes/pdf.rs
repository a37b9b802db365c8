//! PDF text layers through poppler's `pdftotext` (Debian package `poppler-utils`): a mature,
//! well-kept extractor with reading-order layout that we would not write better ourselves.

use std::io::Write;
use std::process::{Command, Stdio};

/// Extract the text layer of a PDF. `path` is used when it names a file; stdin bytes are piped.
pub fn pdf_text(path: &str, bytes: &[u8]) -> Result<String, String> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8", "-layout"]);
    let from_stdin = path == "-";
    if from_stdin {
        cmd.args(["-", "-"]).stdin(Stdio::piped());
    } else {
        cmd.args([path, "-"]).stdin(Stdio::null());
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run pdftotext ({e}); install poppler-utils"))?;
    if from_stdin {
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(bytes).map_err(|e| format!("pdftotext: {e}"))?;
        }
    }
    let out = child.wait_with_output().map_err(|e| format!("pdftotext: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("pdftotext failed: {}", err.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
