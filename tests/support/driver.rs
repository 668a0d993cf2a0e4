//! chromedriver as a child process that cannot outlive the test.
//!
//! - It runs in its own process group; dropping [`ChromeDriver`] kills the whole group
//!   (chromedriver and the Chromium it started) and then any Chromium that still uses this
//!   test's profile directory. `Drop` also runs when a test panics.
//! - A watchdog shell in the same group waits for EOF on a pipe held only by the test
//!   process; if the test process dies without unwinding (SIGKILL, abort), the pipe closes
//!   and the watchdog kills the group. (`scripts/with-process-group.sh` cannot reach a
//!   process in another group, so this is what guards against that case.)
//! - The port comes from the OS; the small race between choosing and binding it is
//!   handled by retrying with a new port.

use std::fs::File;
use std::net::{SocketAddr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use super::http;

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

const START_ATTEMPTS: usize = 5;
const READY_TIMEOUT: Duration = Duration::from_secs(20);

pub struct ChromeDriver {
    child: Child,
    watchdog: Option<(Child, ChildStdin)>,
    addr: SocketAddr,
    /// The scratch directory of this browser: profile, logs. Removed on drop.
    dir: PathBuf,
}

impl ChromeDriver {
    /// Starts chromedriver and waits until `/status` says it is ready. `dir` is this
    /// browser's scratch directory (created here, removed on drop).
    pub fn start(dir: PathBuf) -> ChromeDriver {
        let driver = env_or("CHROMEDRIVER", CHROMEDRIVER);
        assert!(
            Path::new(&driver).exists(),
            "chromedriver not found at {driver}: run `scripts/setup.sh --browser`"
        );
        std::fs::create_dir_all(&dir).expect("create the browser's scratch directory");
        let mut failures = Vec::new();
        for attempt in 1..=START_ATTEMPTS {
            let port = free_port();
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            let log_path = dir.join(format!("chromedriver-{attempt}.log"));
            let log = File::create(&log_path).expect("create chromedriver's log file");
            let child = Command::new(&driver)
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("clone log handle"))
                .stderr(log)
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {driver}: {e}"));
            let mut this = ChromeDriver {
                watchdog: start_watchdog(child.id()),
                child,
                addr,
                dir: dir.clone(),
            };
            match this.wait_ready() {
                Ok(()) => return this,
                Err(why) => {
                    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                    failures.push(format!("attempt {attempt} on port {port}: {why}\n{log}"));
                    // Dropping `this` kills the group; keep the scratch directory.
                    this.dir = PathBuf::new();
                }
            }
        }
        panic!(
            "chromedriver did not become ready after {START_ATTEMPTS} attempts:\n{}",
            failures.join("\n")
        );
    }

    fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Most likely the port was taken between choosing and binding it.
                return Err(format!("chromedriver exited early with {status}"));
            }
            if let Ok(res) = http::request(
                self.addr,
                "GET",
                "/status",
                &[],
                None,
                Duration::from_millis(500),
            ) {
                let body = res.text();
                let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                if res.status == 200 && json["value"]["ready"] == true {
                    return Ok(());
                }
                if !body.contains("ChromeDriver") {
                    return Err(format!("something else answers on the port: {body}"));
                }
            }
            if Instant::now() > deadline {
                return Err(format!("not ready after {READY_TIMEOUT:?}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `http://127.0.0.1:port`, for fantoccini.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh `--user-data-dir` for Chromium inside the scratch directory.
    pub fn profile_dir(&self) -> PathBuf {
        self.dir.join("profile")
    }

    /// Sends a WebDriver command fantoccini has no method for, e.g. chromedriver's
    /// `POST /session/{id}/se/log`, and returns the response's `value`.
    pub fn command(
        addr: SocketAddr,
        method: &str,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, String> {
        let body = body.to_string();
        let res = http::request(
            addr,
            method,
            path,
            &[("Content-Type", "application/json; charset=utf-8")],
            Some(body.as_bytes()),
            Duration::from_secs(30),
        )
        .map_err(|e| format!("{method} {path}: {e}"))?;
        let json: serde_json::Value = serde_json::from_slice(&res.body)
            .map_err(|e| format!("{method} {path}: not JSON ({e}): {}", res.text()))?;
        if res.status != 200 {
            return Err(format!("{method} {path}: HTTP {}: {json}", res.status));
        }
        Ok(json["value"].clone())
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let pgid = self.child.id();
        kill(&format!("-{pgid}"));
        let _ = self.child.wait();
        if let Some((mut watchdog, stdin)) = self.watchdog.take() {
            drop(stdin);
            let _ = watchdog.wait();
        }
        if self.dir.as_os_str().is_empty() {
            return;
        }
        // Chromium normally dies with the group; kill any that escaped it.
        let profile = self.profile_dir();
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let strays = processes_using(&profile);
            if strays.is_empty() || Instant::now() > deadline {
                break;
            }
            for pid in strays {
                kill(&pid.to_string());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if std::env::var_os("SPIRE_KEEP_BROWSER_DIR").is_none() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// A shell in chromedriver's process group that kills the group once its stdin reaches
/// EOF, i.e. once the test process is gone.
fn start_watchdog(pgid: u32) -> Option<(Child, ChildStdin)> {
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg("cat >/dev/null; kill -9 -\"$0\"")
        .arg(pgid.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(pgid as i32)
        .spawn()
        .ok()?;
    let stdin = child.stdin.take()?;
    Some((child, stdin))
}

/// `kill -KILL -- target`, where target is a pid or `-pgid`.
fn kill(target: &str) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", target])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Pids of processes whose command line mentions `--user-data-dir=<profile>`.
pub fn processes_using(profile: &Path) -> Vec<u32> {
    let needle = format!("--user-data-dir={}", profile.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|cmd| cmd.split(|b| *b == 0).any(|arg| arg == needle.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("ask the OS for a free port")
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}
