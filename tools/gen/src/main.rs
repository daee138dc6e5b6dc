//! `cargo run -p miniweave-gen -- N DIR`: writes a synthetic N-page project into DIR.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: miniweave-gen N DIR   (a synthetic project of N pages, N ≥ 1, written into DIR)");
        return ExitCode::from(2);
    };
    if n == 0 {
        eprintln!("error: N must be at least 1");
        return ExitCode::from(2);
    }
    let dir = PathBuf::from(dir);
    match miniweave_gen::generate(n, &dir) {
        Ok(()) => {
            println!("wrote a {n}-page project to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write into `{}`: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
