//! `spire-content`: the content command. Checks a content folder against format v1, writes
//! the card summaries into its `index.json`, and writes (or verifies) the JSON Schemas
//! generated from the Rust types.
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
    use spire::core::content::check::{self, ContentSource, Report, INDEX_FILE};
    use spire::core::content::reindex;
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
  spire-content index DIR             add card summaries of every listed file to DIR/index.json
  spire-content index --check DIR     fail if DIR/index.json differs from what index would write
  spire-content schema OUT_DIR        write the JSON Schemas of every file kind into OUT_DIR
  spire-content schema --check DIR    fail if the schemas in DIR differ from the generated ones

check prints every problem as `file:line:column: message` and exits with 1 when it finds
any, 2 when DIR cannot be read, 0 when the content is clean. index keeps the id lists as
written and exits with 1 when a listed file is missing or does not parse (it gets no
summary; the app then fetches it).";

    pub fn run(args: &[String]) -> u8 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["check", dir] => check_dir(Path::new(dir)),
            ["index", "--check", dir] | ["index", dir, "--check"] => check_index(Path::new(dir)),
            ["index", dir] if !dir.starts_with('-') => index_dir(Path::new(dir)),
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

    fn source(dir: &Path) -> Result<FsSource, u8> {
        match fs::read_dir(dir) {
            Ok(_) => Ok(FsSource {
                root: dir.to_path_buf(),
            }),
            Err(e) => {
                eprintln!(
                    "spire-content: cannot read the folder {}: {e}",
                    dir.display()
                );
                Err(USAGE)
            }
        }
    }

    fn print_problems(dir: &Path, report: &Report) {
        for d in &report.diagnostics {
            println!(
                "{}:{}:{}: {}",
                dir.join(&d.file).display(),
                d.line,
                d.column,
                d.message
            );
        }
    }

    fn check_dir(dir: &Path) -> u8 {
        let source = match source(dir) {
            Ok(source) => source,
            Err(code) => return code,
        };
        let report = check::check_folder(&source, Lang::En);
        print_problems(dir, &report);
        eprintln!("{}", report.summary());
        if report.is_clean() {
            OK
        } else {
            PROBLEMS
        }
    }

    fn index_dir(dir: &Path) -> u8 {
        let source = match source(dir) {
            Ok(source) => source,
            Err(code) => return code,
        };
        let out = reindex::reindex(&source, Lang::En);
        print_problems(dir, &out.report);
        let path = dir.join(INDEX_FILE);
        if let Some(text) = &out.text {
            if fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
                eprintln!("{} is up to date", path.display());
            } else if let Err(e) = fs::write(&path, text) {
                eprintln!("spire-content: cannot write {}: {e}", path.display());
                return USAGE;
            } else {
                let files = match out.summarised {
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                };
                eprintln!("wrote {}: summaries of {files}", path.display());
            }
        }
        if out.report.is_clean() {
            OK
        } else {
            eprintln!(
                "{}; those files get no summary (the app fetches them)",
                out.report.summary()
            );
            PROBLEMS
        }
    }

    fn check_index(dir: &Path) -> u8 {
        let source = match source(dir) {
            Ok(source) => source,
            Err(code) => return code,
        };
        let out = reindex::reindex(&source, Lang::En);
        print_problems(dir, &out.report);
        let path = dir.join(INDEX_FILE);
        let fresh =
            out.text.is_some() && fs::read_to_string(&path).ok().as_deref() == out.text.as_deref();
        if fresh && out.report.is_clean() {
            eprintln!("{} is up to date", path.display());
            return OK;
        }
        if !fresh {
            eprintln!(
                "{}: the summaries are not up to date; run `spire-content index {}`",
                path.display(),
                dir.display()
            );
        }
        PROBLEMS
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
