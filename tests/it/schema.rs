//! miniweave.json's published JSON schema: derived from the option types, committed at
//! schema/miniweave.schema.json, named by `"$schema"` in what `miniweave new` writes, and
//! every key of it in the docs' table.

use std::path::Path;

use crate::support::{miniweave, read, repo, stderr, stdout};

/// What `miniweave schema` prints: the schema as the types derive it today.
fn derived() -> String {
    let output = miniweave(&["schema"], Path::new("."));
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn the_published_schema_is_the_one_the_types_derive() {
    let published = read(repo().join("schema/miniweave.schema.json"));
    assert!(
        published == derived(),
        "schema/miniweave.schema.json differs from the schema the types in compiler/src/project/options.rs \
         derive; regenerate it with\n  cargo run -q -p miniweave-cli -- schema > schema/miniweave.schema.json"
    );
}
