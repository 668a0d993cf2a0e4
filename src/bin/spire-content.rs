//! `spire-content`: the content command. Checks a content folder against format v1 and
//! writes (or verifies) the JSON Schemas generated from the Rust types.
//!
//! The logic lives in `spire::core::content::check`; this file only does the I/O.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::ExitCode::from(cli::run(&args))
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use spire::core::content::check::{self, ContentSource};
    use spire::core::text::Lang;
    use std::fs;
    use std::io::ErrorKind;
    use std::path::{Path, PathBuf};

    const OK: u8 = 0;
    const PROBLEMS: u8 = 1;
    const USAGE: u8 = 2;

    const USAGE_TEXT: &str = "\
usage:
  spire-content check DIR             check the content folder DIR against format v1
  spire-content schema OUT_DIR        write the JSON Schemas of every file kind into OUT_DIR
  spire-content schema --check DIR    fail if the schemas in DIR differ from the generated ones

check prints every problem as `file:line:column: message` and exits with 1 when it finds
any, 2 when DIR cannot be read, 0 when the content is clean.";

    pub fn run(args: &[String]) -> u8 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["check", dir] => check_dir(Path::new(dir)),
            ["schema", "--check", dir] | ["schema", dir, "--check"] => {
                check_schemas(Path::new(dir))
            }
            ["schema", dir] if !dir.starts_with('-') => write_schemas(Path::new(dir)),
            ["help" | "--help" | "-h"] => {
                println!("{USAGE_TEXT}");
                OK
            }
            _ => {
                eprintln!("{USAGE_TEXT}");
                USAGE
            }
        }
    }

    /// A content folder on disk.
    struct FsSource {
        root: PathBuf,
    }

    impl ContentSource for FsSource {
        fn read(&self, path: &str) -> Result<Option<String>, String> {
            if !self.exists(path) {
                return Ok(None);
            }
            match fs::read_to_string(self.root.join(path)) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e.to_string()),
            }
        }

        fn files(&self, folder: &str) -> Vec<String> {
            let Ok(entries) = fs::read_dir(self.root.join(folder)) else {
                return Vec::new();
            };
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        }

        /// Compares names exactly, also on case-insensitive file systems: the web server
        /// that serves the content may not be.
        fn exists(&self, path: &str) -> bool {
            let (folder, name) = match path.rfind('/') {
                Some(i) => path.split_at(i + 1),
                None => ("", path),
            };
            self.files(folder).iter().any(|f| f == name)
        }
    }

    fn check_dir(dir: &Path) -> u8 {
        if let Err(e) = fs::read_dir(dir) {
            eprintln!(
                "spire-content: cannot read the folder {}: {e}",
                dir.display()
            );
            return USAGE;
        }
        let source = FsSource {
            root: dir.to_path_buf(),
        };
        let report = check::check_folder(&source, Lang::En);
        for d in &report.diagnostics {
            println!(
                "{}:{}:{}: {}",
                dir.join(&d.file).display(),
                d.line,
                d.column,
                d.message
            );
        }
        eprintln!("{}", report.summary());
        if report.is_clean() {
            OK
        } else {
            PROBLEMS
        }
    }

    fn write_schemas(out: &Path) -> u8 {
        if let Err(e) = fs::create_dir_all(out) {
            eprintln!("spire-content: cannot create {}: {e}", out.display());
            return USAGE;
        }
        let schemas = check::schemas();
        for (name, text) in &schemas {
            let path = out.join(name);
            if let Err(e) = fs::write(&path, text) {
                eprintln!("spire-content: cannot write {}: {e}", path.display());
                return USAGE;
            }
        }
        eprintln!("wrote {} schemas to {}", schemas.len(), out.display());
        OK
    }

    fn check_schemas(dir: &Path) -> u8 {
        let stale = check::stale_schemas(|name| fs::read_to_string(dir.join(name)).ok());
        if stale.is_empty() {
            eprintln!("schemas up to date in {}", dir.display());
            return OK;
        }
        for name in &stale {
            let path = dir.join(name);
            let what = if path.is_file() {
                "differs from the schema generated from the Rust types"
            } else {
                "is missing"
            };
            eprintln!("{}: {what}", path.display());
        }
        eprintln!(
            "{} stale; regenerate with `spire-content schema {}`",
            if stale.len() == 1 {
                "1 schema is".to_string()
            } else {
                format!("{} schemas are", stale.len())
            },
            dir.display()
        );
        PROBLEMS
    }
}
