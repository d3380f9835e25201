//! One native build: `cargo test --release` and `cargo run --release` resolve the same features
//! for every crate the game links, so the second command compiles only the game itself.
//!
//! Cargo unifies the features of shared dependencies with the dev-dependencies' only when it
//! builds tests. A dev-dependency that turns on a feature (tempfile turns on rustix's defaults,
//! proptest getrandom's `std`) changes the hash of that crate and of everything above it, Bevy
//! included, and the game builds twice. `Cargo.toml` names those features in `[dependencies]`.

use std::collections::BTreeMap;
use std::process::Command;

/// Each package of the host's graph and its features, with or without dev-dependency edges.
fn features(edges: &str) -> BTreeMap<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["tree", "--locked", "--offline", "--prefix", "none"])
        .args(["-e", edges, "-f", "{p}|{f}"])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// `name vX (path)|f1,f2 (*)` lines into name vX → sorted features.
fn parse(tree: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in tree.lines() {
        let Some((package, feats)) = line.split_once('|') else {
            continue;
        };
        let package = package.split(" (").next().unwrap_or(package).trim();
        let mut feats: Vec<&str> = feats
            .trim_end_matches(" (*)")
            .split(',')
            .filter(|f| !f.is_empty())
            .collect();
        feats.sort_unstable();
        map.insert(package.to_owned(), feats.join(","));
    }
    map
}

/// Packages the game links whose features change when dev-dependencies join the graph.
fn split(game: &BTreeMap<String, String>, tests: &BTreeMap<String, String>) -> Vec<String> {
    game.iter()
        .filter_map(|(p, f)| {
            let t = tests.get(p)?;
            (t != f).then(|| format!("{p}: game [{f}], tests [{t}]"))
        })
        .collect()
}

#[test]
fn tests_and_the_game_share_one_build_of_every_dependency() {
    let game = features("normal,build");
    let tests = features("normal,build,dev");
    assert!(game.len() > 100, "the tree listed {} packages", game.len());
    let split = split(&game, &tests);
    assert!(
        split.is_empty(),
        "dev-dependencies change these crates' features; name the features in Cargo.toml's \
         [dependencies]:\n{}",
        split.join("\n")
    );
}

#[test]
fn the_check_sees_a_feature_only_the_tests_turn_on() {
    let game = parse("rustix v1.1.6|alloc,std\nbevy v0.19.1|std (*)\n");
    let tests = parse("rustix v1.1.6|alloc,default,std\nbevy v0.19.1|std\ntempfile v3.0.0|\n");
    assert_eq!(split(&game, &tests).len(), 1);
    assert!(split(&game, &tests)[0].starts_with("rustix v1.1.6"));
}
