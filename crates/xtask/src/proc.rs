//! Running programs, the static servers of the tests, and the small shell utilities the old
//! scripts used (free ports, waiting for a URL, file sizes, a temporary folder).

use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

/// A failed task: the exit code to leave with and, unless the failing program said it already,
/// a message.
#[derive(Debug)]
pub struct Failed {
    pub code: u8,
    pub message: Option<String>,
}

pub type Result<T = ()> = std::result::Result<T, Failed>;

impl Failed {
    pub fn new(message: impl Into<String>) -> Failed {
        Failed {
            code: 1,
            message: Some(message.into()),
        }
    }
}

/// `~/.cargo/bin` (cargo-installed trunk and wasm-bindgen) and `.tools/node_modules/.bin`
/// (wasm-opt from npm's binaryen, before Debian's) first on PATH, for this process and every
/// program it starts. Called once, at the start, before any thread exists.
pub fn prepend_tool_paths(root: &Path) {
    let mut dirs = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.push(root.join(".tools/node_modules/.bin"));
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    let path = std::env::join_paths(dirs).expect("no ':' in these directories");
    std::env::set_var("PATH", path);
}

/// Whether `tool` is an executable on PATH (`command -v`).
pub fn on_path(tool: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).any(|dir| {
        fs::metadata(dir.join(tool))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// A command line as the logs show it.
fn shown(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// The exit code a shell would report: the program's, or 128 + the signal that killed it.
pub fn code_of(status: ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => u8::try_from(code).unwrap_or(1),
        (None, Some(signal)) => u8::try_from(128 + signal).unwrap_or(1),
        (None, None) => 1,
    }
}

/// Runs a command to its end; fails, with its exit code, unless it succeeds.
pub fn run_cmd(cmd: &mut Command) -> Result {
    let status = cmd
        .status()
        .map_err(|e| Failed::new(format!("cannot run `{}`: {e}", shown(cmd))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failed {
            code: code_of(status),
            message: Some(format!("`{}` failed ({status})", shown(cmd))),
        })
    }
}

/// `run("cargo", &["fmt", "--all"])`.
pub fn run(program: &str, args: &[&str]) -> Result {
    run_cmd(Command::new(program).args(args))
}

/// `printf '    %-WIDTHs %8d bytes, %8d gzipped\n'`: a file's size, raw and after `gzip -9`.
pub fn print_size(path: &Path, width: usize) -> Result {
    let bytes = fs::metadata(path)
        .map_err(|e| Failed::new(format!("cannot read {}: {e}", path.display())))?
        .len();
    let gzip = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| Failed::new(format!("cannot run gzip: {e}")))?;
    if !gzip.status.success() {
        return Err(Failed::new(format!("gzip -9 -c {} failed", path.display())));
    }
    let shown = path.display().to_string();
    println!(
        "    {shown:<width$} {bytes:>8} bytes, {:>8} gzipped",
        gzip.stdout.len()
    );
    Ok(())
}

/// The files of `dir` whose names end with `suffix`, sorted (a shell glob `dir/*suffix`).
pub fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Failed::new(format!("cannot read {}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    Ok(files)
}

/// A free local port, as the old scripts found one (bind port 0, read it, let it go).
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| Failed::new(format!("cannot find a free port: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| Failed::new(format!("cannot find a free port: {e}")))
}

/// Whether `http://127.0.0.1:port{path}` answers with a success or a redirect (as urllib's
/// `urlopen` accepts it).
pub fn responds(port: u16, path: &str) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let request = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    if stream.read_exact(&mut head).is_err() {
        return false;
    }
    // "HTTP/1.0 200"
    head.starts_with(b"HTTP/1.") && matches!(head[9], b'2' | b'3')
}

/// `python3 -m http.server` serving one folder on 127.0.0.1, its output in a log file; stopped
/// when dropped. Start it after the build and with `--directory`: Trunk replaces dist/, and a
/// server started inside the old folder would keep serving the deleted one.
pub struct Server {
    child: Child,
}

impl Server {
    pub fn start(dir: &Path, port: u16, log: &Path) -> Result<Server> {
        let log = fs::File::create(log)
            .map_err(|e| Failed::new(format!("cannot create {}: {e}", log.display())))?;
        let log2 = log
            .try_clone()
            .map_err(|e| Failed::new(format!("cannot share the server's log: {e}")))?;
        let child = Command::new("python3")
            .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log2)
            .spawn()
            .map_err(|e| Failed::new(format!("cannot start python3 -m http.server: {e}")))?;
        Ok(Server { child })
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits up to 5 s (50 × 0.1 s) for the server to answer `path`; returns whether it did.
/// Stops early, with an error, if `server` dies meanwhile.
pub fn wait_for(port: u16, path: &str, mut server: Option<&mut Server>) -> Result<bool> {
    for _ in 0..50 {
        if responds(port, path) {
            return Ok(true);
        }
        if let Some(server) = server.as_deref_mut() {
            if !server.is_running() {
                return Err(Failed::new("the static server died"));
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(false)
}

/// A fresh folder under the system's temporary directory, removed with everything in it when
/// dropped (`mktemp -d` and a `trap`).
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(prefix: &str) -> Result<TempDir> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0);
            let path = base.join(format!(
                "{prefix}-{}-{nanos:x}-{attempt}",
                std::process::id()
            ));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Failed::new(format!(
                        "cannot create {}: {e}",
                        path.display()
                    )))
                }
            }
        }
        Err(Failed::new("cannot create a temporary directory"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// `cp -r from to` (to must not exist yet).
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// An environment variable, or its default when unset or empty (`${NAME:-default}`).
pub fn env_or(name: &str, default: &str) -> OsString {
    match std::env::var_os(name) {
        Some(value) if !value.is_empty() => value,
        _ => default.into(),
    }
}
