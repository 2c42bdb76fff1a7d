//! `cargo run -p kpiform-import --example import -- FILE [PLAIN]`: the imported text of a file
//! (or, with a second file, of a clipboard payload: its HTML and its plain text), and its notes.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: import FILE [PLAIN]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("readable file");
    let result = match args.get(1) {
        Some(plain) => kpiform_import::clipboard(
            &String::from_utf8_lossy(&bytes),
            &std::fs::read_to_string(plain).expect("readable plain text"),
        )
        .ok_or(kpiform_import::Refusal::Binary),
        None => kpiform_import::import(path, &bytes),
    };
    match result {
        Ok(i) => {
            print!("{}", i.text);
            for n in i.notes {
                eprintln!("{}: {} / {}", n.line, n.zh, n.en);
            }
        }
        Err(r) => {
            eprintln!("{r}");
            std::process::exit(2);
        }
    }
}
