//! A tiny static file server for the browser tests.
//!
//! It behaves like `python3 -m http.server`, i.e. like a plain static host: GET and HEAD
//! only, a real `Content-Type` per extension, `Last-Modified` / `If-Modified-Since`, a
//! redirect from a directory without its trailing slash, `index.html` for a directory, and
//! a 404 for anything missing. There is deliberately **no** fallback to `index.html`: an
//! app that needs one would break on a real static host, and the tests must see that.
//! (Unlike Python it lists no directories: a directory without `index.html` is a 404.)
//!
//! The directory can be mounted at the root (`/`) or under a sub-folder (`/spire/`), the
//! way a project page on a shared host serves it. Every request is recorded.
//!
//! With [`StaticServer::send_compressed_copies`] it behaves like nginx's `brotli_static` and
//! `gzip_static`: a file's `.br` or `.gz` copy beside it is sent in its place to a browser
//! that accepts that encoding (Chromium accepts both, even over plain http).

use std::net::{SocketAddr, TcpListener as StdListener, TcpStream as StdStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One request the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub method: String,
    /// The decoded path, without query string.
    pub path: String,
    pub status: u16,
    /// The `Content-Encoding` sent (`br` or `gzip`), if any.
    pub encoding: Option<&'static str>,
}

/// A running server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    mount: String,
    root: PathBuf,
    log: Arc<Mutex<Vec<Served>>>,
    stop: Arc<AtomicBool>,
    offline: Arc<AtomicBool>,
    compressed: Arc<Mutex<Vec<&'static str>>>,
    thread: Option<JoinHandle<()>>,
}

struct Site {
    root: PathBuf,
    mount: String,
    log: Arc<Mutex<Vec<Served>>>,
    offline: Arc<AtomicBool>,
    compressed: Arc<Mutex<Vec<&'static str>>>,
}

impl StaticServer {
    /// Serves `root` under `mount` (`"/"` or a sub-folder such as `"/spire/"`) on
    /// 127.0.0.1 at a port the OS chooses. The server runs on its own thread with its own
    /// runtime, so it works whatever runtime (if any) the test uses.
    pub fn start(root: impl Into<PathBuf>, mount: &str) -> StaticServer {
        let root: PathBuf = root.into();
        assert!(
            root.is_dir(),
            "the directory to serve does not exist: {}",
            root.display()
        );
        let mount = normalise_mount(mount);
        let listener = StdListener::bind("127.0.0.1:0").expect("bind the test server");
        listener
            .set_nonblocking(true)
            .expect("make the listener non-blocking");
        let addr = listener.local_addr().expect("the test server's address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let offline = Arc::new(AtomicBool::new(false));
        let compressed = Arc::new(Mutex::new(Vec::new()));
        let site = Arc::new(Site {
            root: root.clone(),
            mount: mount.clone(),
            log: log.clone(),
            offline: offline.clone(),
            compressed: compressed.clone(),
        });
        let stop_flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name(format!("static-server-{}", addr.port()))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("the test server's runtime");
                runtime.block_on(async move {
                    let listener = TcpListener::from_std(listener).expect("tokio listener");
                    loop {
                        let Ok((stream, _)) = listener.accept().await else {
                            // E.g. out of file descriptors: do not spin.
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        };
                        if stop_flag.load(Ordering::SeqCst) {
                            break;
                        }
                        tokio::spawn(serve_connection(stream, site.clone()));
                    }
                });
                // Dropping the runtime cancels connections still in flight.
            })
            .expect("spawn the test server thread");
        StaticServer {
            addr,
            mount,
            root,
            log,
            stop,
            offline,
            compressed,
            thread: Some(thread),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `host:port`, as `new URL(...).host` reports it in the browser.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// The URL of the mounted directory, with a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}{}", self.addr, self.mount)
    }

    pub fn mount(&self) -> &str {
        &self.mount
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every request answered so far, in order.
    pub fn requests(&self) -> Vec<Served> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The paths of every request answered so far, in order.
    pub fn requested_paths(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.path).collect()
    }

    /// Takes the network away (`true`) or gives it back: while offline, every connection is
    /// closed before a reply, as when a Chromebook loses the school's Wi-Fi.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// Sends a file's compressed copy in its place, as a server set up for the build's
    /// copies does: the first of `encodings` (`"br"` for the `.br` copy, `"gzip"` for the
    /// `.gz`) that the browser accepts and the file has a copy for. Empty: never.
    pub fn send_compressed_copies(&self, encodings: &[&'static str]) {
        *self.compressed.lock().unwrap_or_else(|e| e.into_inner()) = encodings.to_vec();
    }

    pub fn clear_requests(&self) {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = StdStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn normalise_mount(mount: &str) -> String {
    let inner = mount.trim_matches('/');
    if inner.is_empty() {
        "/".to_string()
    } else {
        format!("/{inner}/")
    }
}

async fn serve_connection(stream: TcpStream, site: Arc<Site>) {
    if site.offline.load(Ordering::SeqCst) {
        return;
    }
    // One request per connection (`Connection: close`), like Python's HTTP/1.0 server.
    let _ = tokio::time::timeout(Duration::from_secs(30), async {
        let mut reader = BufReader::new(stream);
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).await.ok()? == 0 {
            return None;
        }
        let mut if_modified_since = None;
        let mut accepts = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("if-modified-since") {
                    if_modified_since = Some(value.trim().to_string());
                } else if name.trim().eq_ignore_ascii_case("accept-encoding") {
                    accepts = value.trim().to_ascii_lowercase();
                }
            }
        }
        let request = Request {
            line: request_line.trim_end(),
            if_modified_since: if_modified_since.as_deref(),
            accepts: &accepts,
        };
        let reply = respond(&site, &request).await;
        let mut stream = reader.into_inner();
        stream.write_all(&reply).await.ok()?;
        stream.flush().await.ok()?;
        stream.shutdown().await.ok()
    })
    .await;
}

/// What the server reads of a request.
struct Request<'a> {
    line: &'a str,
    if_modified_since: Option<&'a str>,
    /// `Accept-Encoding`, lower-cased.
    accepts: &'a str,
}

/// Builds the whole response (head and body) for one request and records it.
async fn respond(site: &Site, request: &Request<'_>) -> Vec<u8> {
    let mut parts = request.line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(raw_path).unwrap_or_else(|| raw_path.to_string());
    let head_only = method == "HEAD";

    let reply = if method != "GET" && method != "HEAD" {
        Reply::status(501, "Unsupported method")
    } else if !path.starts_with('/') {
        Reply::status(400, "Bad request")
    } else {
        resolve(site, &path, &target, request).await
    };

    site.log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Served {
            method,
            path,
            status: reply.status,
            encoding: reply.encoding,
        });
    reply.into_bytes(head_only)
}

async fn resolve(site: &Site, path: &str, target: &str, request: &Request<'_>) -> Reply {
    // `/spire` is the mounted directory without its slash: redirect, like for any directory.
    if site.mount != "/" && path == site.mount.trim_end_matches('/') {
        return Reply::redirect(&add_slash(target));
    }
    let Some(relative) = path.strip_prefix(site.mount.as_str()) else {
        return Reply::not_found();
    };
    let mut file = site.root.clone();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Reply::not_found(),
            s if s.contains('\\') || s.contains('\0') => return Reply::not_found(),
            s => file.push(s),
        }
    }
    let Ok(meta) = tokio::fs::metadata(&file).await else {
        return Reply::not_found();
    };
    if meta.is_dir() {
        if !path.ends_with('/') {
            return Reply::redirect(&add_slash(target));
        }
        file.push("index.html");
    }
    let Ok(meta) = tokio::fs::metadata(&file).await else {
        return Reply::not_found();
    };
    if !meta.is_file() {
        return Reply::not_found();
    }
    let last_modified = meta.modified().ok().map(http_date);
    if let (Some(lm), Some(ims)) = (&last_modified, request.if_modified_since) {
        if lm == ims {
            let mut reply = Reply::empty(304, "Not Modified");
            reply.headers.push(("Last-Modified".into(), lm.clone()));
            return reply;
        }
    }
    let encodings = site
        .compressed
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let copy = compressed_copy(&file, &encodings, request.accepts).await;
    let (body, encoding) = match copy {
        Some((body, encoding)) => (body, Some(encoding)),
        None => match tokio::fs::read(&file).await {
            Ok(body) => (body, None),
            Err(_) => return Reply::not_found(),
        },
    };
    let mut reply = Reply::empty(200, "OK");
    reply
        .headers
        .push(("Content-Type".into(), content_type(&file).into()));
    if let Some(encoding) = encoding {
        reply
            .headers
            .push(("Content-Encoding".into(), encoding.into()));
        reply
            .headers
            .push(("Vary".into(), "Accept-Encoding".into()));
        reply.encoding = Some(encoding);
    }
    if let Some(lm) = last_modified {
        reply.headers.push(("Last-Modified".into(), lm));
    }
    reply.body = body;
    reply
}

/// The copy of `file` in the first of `encodings` that the browser accepts and that is
/// there, with the encoding to name.
async fn compressed_copy(
    file: &Path,
    encodings: &[&'static str],
    accepts: &str,
) -> Option<(Vec<u8>, &'static str)> {
    let accepted = |name: &str| {
        accepts
            .split(',')
            .any(|e| e.split(';').next().map(str::trim) == Some(name))
    };
    for &encoding in encodings {
        if !accepted(encoding) {
            continue;
        }
        let ext = if encoding == "gzip" { "gz" } else { encoding };
        let mut copy = file.as_os_str().to_owned();
        copy.push(format!(".{ext}"));
        if let Ok(body) = tokio::fs::read(&copy).await {
            return Some((body, encoding));
        }
    }
    None
}

fn add_slash(target: &str) -> String {
    match target.split_once('?') {
        Some((path, query)) => format!("{path}/?{query}"),
        None => format!("{target}/"),
    }
}

struct Reply {
    status: u16,
    reason: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    encoding: Option<&'static str>,
}

impl Reply {
    fn empty(status: u16, reason: &'static str) -> Reply {
        Reply {
            status,
            reason,
            headers: Vec::new(),
            body: Vec::new(),
            encoding: None,
        }
    }

    fn status(status: u16, reason: &'static str) -> Reply {
        let mut reply = Reply::empty(status, reason);
        reply
            .headers
            .push(("Content-Type".into(), "text/html; charset=utf-8".into()));
        reply.body = format!(
            "<!DOCTYPE html><html><head><title>Error {status}</title></head>\
             <body><h1>Error {status}</h1><p>{reason}</p></body></html>\n"
        )
        .into_bytes();
        reply
    }

    fn not_found() -> Reply {
        Reply::status(404, "File not found")
    }

    fn redirect(location: &str) -> Reply {
        let mut reply = Reply::empty(301, "Moved Permanently");
        reply.headers.push(("Location".into(), location.into()));
        reply
    }

    fn into_bytes(self, head_only: bool) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        out.push_str("Server: spire-test-server\r\n");
        out.push_str(&format!("Date: {}\r\n", http_date(SystemTime::now())));
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        out.push_str("Connection: close\r\n\r\n");
        let mut bytes = out.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

/// The `Content-Type` for a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webp" => "image/webp",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/vnd.microsoft.icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// An RFC 7231 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (hour, minute, second) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // 1970-01-01 was a Thursday.
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let month_name = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(month - 1) as usize];
    format!("{weekday}, {day:02} {month_name} {year} {hour:02}:{minute:02}:{second:02} GMT")
}
