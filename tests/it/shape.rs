//! The code's shape, checked on every run: no import cycle between modules, the pure cores
//! reach no Bevy, and no source file outgrows 400 lines.
//!
//! Each file is a module (`a.rs` and `a/mod.rs` are `a`, `a/b.rs` is `a::b`). A reference is
//! any `crate::…` or `super::…` path, including the names inside `use crate::{…}` groups; it
//! points at the deepest module file the path names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules that must not use Bevy, nor reach a module that does.
const PURE: [&str; 6] = [
    "physics",
    "sim",
    "ledger::format",
    "ledger::history",
    "ledger::analysis",
    "ledger::class",
];
/// Longest function allowed, in lines from `fn` to its closing brace.
const MAX_FN_LINES: usize = 80;

/// Longest source file allowed, in lines (`text/mod.rs`, the catalogue's accessors, is excepted).
const MAX_LINES: usize = 400;

struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
    bevy: BTreeSet<String>,
    lines: BTreeMap<String, usize>,
}

fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        return "crate".into();
    }
    parts.join("::")
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expand a use tree such as `a::{b, c::{d, e}}` into full paths.
fn use_paths(tree: &str, prefix: &[String]) -> Vec<Vec<String>> {
    let tree = tree.trim();
    let Some(open) = tree.find('{').filter(|_| tree.ends_with('}')) else {
        let mut p = prefix.to_vec();
        let tree = tree.split(" as ").next().unwrap_or("").trim();
        p.extend(
            tree.split("::")
                .filter(|s| !s.is_empty() && *s != "self")
                .map(String::from),
        );
        return vec![p];
    };
    let mut head = prefix.to_vec();
    head.extend(
        tree[..open]
            .split("::")
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string()),
    );
    let body = &tree[open + 1..tree.len() - 1];
    let (mut depth, mut cur, mut out) = (0, String::new(), Vec::new());
    for ch in body.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            out.extend(use_paths(&cur, &head));
            cur.clear();
        } else {
            cur.push(ch);
        }
    }
    if !cur.trim().is_empty() {
        out.extend(use_paths(&cur, &head));
    }
    out
}

/// Every `crate::`/`super::` path in the text, split into segments.
fn paths_in(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // use statements, groups expanded
    let mut at = 0;
    while let Some(i) = text[at..].find("use ") {
        let start = at + i;
        at = start + 4;
        if text[..start].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let rest = text[at..].trim_start();
        let root = ["crate", "super"].into_iter().find(|r| rest.starts_with(r));
        let (Some(root), Some(end)) = (root, rest.find(';')) else {
            continue;
        };
        let tree = rest[root.len()..end].trim_start_matches(':');
        out.extend(use_paths(tree, &[root.to_string()]));
    }
    // plain paths
    for root in ["crate::", "super::"] {
        let mut at = 0;
        while let Some(i) = text[at..].find(root) {
            let start = at + i;
            at = start + root.len();
            if text[..start].chars().next_back().is_some_and(is_ident) {
                continue;
            }
            let tail: String = text[start..]
                .chars()
                .take_while(|c| is_ident(*c) || *c == ':')
                .collect();
            out.push(
                tail.split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            );
        }
    }
    out
}

/// The deepest known module a path names.
fn resolve(mods: &BTreeSet<String>, here: &str, segs: &[String]) -> Option<String> {
    let (mut base, mut rest): (Vec<String>, &[String]) = match segs.first()?.as_str() {
        "crate" => (Vec::new(), &segs[1..]),
        "super" => {
            let mut b: Vec<String> = if here == "crate" {
                Vec::new()
            } else {
                here.split("::").map(String::from).collect()
            };
            b.pop();
            (b, &segs[1..])
        }
        _ => return None,
    };
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    let mut best = None;
    for i in 0..=rest.len() {
        let mut name = base.clone();
        name.extend(rest[..i].iter().cloned());
        let name = if name.is_empty() {
            "crate".to_string()
        } else {
            name.join("::")
        };
        if mods.contains(&name) {
            best = Some(name);
        }
    }
    best
}

fn uses_bevy(text: &str) -> bool {
    let mut at = 0;
    while let Some(i) = text[at..].find("bevy") {
        let start = at + i;
        at = start + 4;
        if text[..start].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let tail: String = text[start..].chars().take_while(|c| is_ident(*c)).collect();
        if text[start + tail.len()..].starts_with("::") {
            return true;
        }
    }
    false
}

/// The modules a file declares with `mod x;` (any visibility).
fn declared_children(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = match l.strip_prefix("pub") {
                Some(rest) if rest.starts_with('(') => rest.split_once(')')?.1.trim_start(),
                Some(rest) => rest.trim_start(),
                None => l,
            };
            let name = l.strip_prefix("mod ")?.trim().strip_suffix(';')?.trim();
            name.chars().all(is_ident).then(|| name.to_owned())
        })
        .collect()
}

/// Whether `text` names a path through `name` (`name::…`), not as part of a longer identifier.
fn names_path(text: &str, name: &str) -> bool {
    let pat = format!("{name}::");
    text.match_indices(&pat).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| is_ident(c) || c == ':')
    })
}

/// Each function of `text`: its name and its length in lines (braces in strings, chars and
/// line comments do not count).
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(name) = fn_name(lines[i]) else {
            i += 1;
            continue;
        };
        // Find the body's closing brace; a declaration without a body ends at its `;`.
        // `;` inside brackets (`[u8; 4]` in a signature) does not end a declaration.
        let (mut depth, mut opened, mut j, mut nest) = (0i32, false, i, 0i32);
        'scan: while j < lines.len() {
            let mut chars = lines[j].chars().peekable();
            let mut in_str = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' if in_str => {
                        chars.next();
                    }
                    // The rest of the line is a comment.
                    '/' if !in_str && chars.peek() == Some(&'/') => break,
                    '"' => in_str = !in_str,
                    '\'' if !in_str => {
                        // A char literal such as '{' (lifetimes have no closing quote nearby).
                        let rest: String = chars.clone().take(3).collect();
                        if rest.chars().nth(1) == Some('\'') {
                            chars.nth(1);
                        }
                    }
                    '{' if !in_str => {
                        depth += 1;
                        opened = true;
                    }
                    '}' if !in_str => depth -= 1,
                    '[' | '(' if !in_str => nest += 1,
                    ']' | ')' if !in_str => nest -= 1,
                    ';' if !in_str && !opened && depth == 0 && nest == 0 => break 'scan,
                    _ => {}
                }
                if opened && depth == 0 {
                    break 'scan;
                }
            }
            j += 1;
        }
        if opened {
            out.push((name, j - i + 1));
        }
        i = j.max(i) + 1;
    }
    out
}

/// The function a line declares, if it declares one.
fn fn_name(line: &str) -> Option<String> {
    let at = line.find("fn ")?;
    let before = line[..at].trim();
    let words_ok = before
        .split_whitespace()
        .all(|w| w.starts_with("pub") || matches!(w, "const" | "async" | "unsafe"));
    if !words_ok {
        return None;
    }
    let name: String = line[at + 3..]
        .chars()
        .take_while(|c| is_ident(*c))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Every source file of the crate at `src`: its module and its text.
pub(crate) fn sources(src: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut todo = vec![src.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                files.insert(module_of(p.strip_prefix(src).unwrap()), text);
            }
        }
    }
    files
}

/// Functions over the limit in the crate at `src`: (module, function, lines).
fn long_functions(src: &Path) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for (m, text) in sources(src) {
        for (f, n) in functions(&text) {
            if n > MAX_FN_LINES {
                out.push((m.clone(), f, n));
            }
        }
    }
    out.sort();
    out
}

fn graph(src: &Path) -> Graph {
    let files = sources(src);
    let mods: BTreeSet<String> = files.keys().cloned().collect();
    let mut g = Graph {
        edges: BTreeMap::new(),
        bevy: BTreeSet::new(),
        lines: BTreeMap::new(),
    };
    for (m, raw) in &files {
        g.lines.insert(m.clone(), raw.lines().count());
        let text = strip_comments(raw);
        if uses_bevy(&text) {
            g.bevy.insert(m.clone());
        }
        let out = g.edges.entry(m.clone()).or_default();
        // A parent that declares `mod x;` and names `x::` reaches its child. (A child's
        // `super::` edge to its parent is not counted: that is Rust's usual layout.)
        for child in declared_children(&text) {
            let full = if m == "crate" {
                child.clone()
            } else {
                format!("{m}::{child}")
            };
            if mods.contains(&full) && names_path(&text, &child) {
                out.insert(full);
            }
        }
        for segs in paths_in(&text) {
            if let Some(t) = resolve(&mods, m, &segs)
                && t != *m
                && t != "crate"
                && !m.starts_with(&format!("{t}::"))
            {
                out.insert(t);
            }
        }
    }
    g
}

/// Modules on a cycle: those that reach themselves.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    edges
        .keys()
        .filter(|m| reach(edges, m).contains(*m))
        .cloned()
        .collect()
}

fn reach(edges: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&String> = edges.get(from).into_iter().flatten().collect();
    while let Some(m) = todo.pop() {
        if seen.insert(m.clone()) {
            todo.extend(edges.get(m).into_iter().flatten());
        }
    }
    seen
}

pub(crate) fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_itself_through_a_cycle() {
    let g = graph(&src());
    assert!(
        g.edges.len() > 20,
        "the walk found {} modules",
        g.edges.len()
    );
    let on_cycle = cycles(&g.edges);
    let detail: Vec<String> = on_cycle
        .iter()
        .map(|m| {
            let back: Vec<&String> = g.edges[m].iter().filter(|t| on_cycle.contains(t)).collect();
            format!("{m} -> {back:?}")
        })
        .collect();
    assert!(on_cycle.is_empty(), "module cycle:\n{}", detail.join("\n"));
}

#[test]
fn the_pure_cores_reach_no_bevy() {
    let g = graph(&src());
    for p in PURE {
        let hit: Vec<&String> = g
            .edges
            .keys()
            .filter(|m| *m == p || m.starts_with(&format!("{p}::")))
            .collect();
        assert!(!hit.is_empty(), "no module named {p}");
        for m in hit {
            let mut r = reach(&g.edges, m);
            r.insert(m.clone());
            let dirty: Vec<&String> = r.iter().filter(|x| g.bevy.contains(*x)).collect();
            assert!(
                dirty.is_empty(),
                "pure module {m} reaches Bevy through {dirty:?}"
            );
        }
    }
}

#[test]
fn no_source_file_is_over_the_line_limit() {
    let g = graph(&src());
    let long: Vec<String> = g
        .lines
        .iter()
        .filter(|(m, n)| **n > MAX_LINES && m.as_str() != "text")
        .map(|(m, n)| format!("{m}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checker_sees_a_cycle_and_a_bevy_leak() {
    // The checker itself, on a made-up crate: a <-> b through a use group and a plain path,
    // and a pure module that reaches Bevy through c.
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod a; pub mod b; pub mod c; pub mod c2; pub mod kin; pub mod pure;",
    );
    write("a.rs", "use crate::{b::Thing, c};\n");
    write(
        "b.rs",
        "// crate::pure is only a comment\nfn f() { crate::a::g(); }\n",
    );
    write("c.rs", "use bevy::prelude::*;\n");
    write("pure/mod.rs", "mod inner;\n");
    write("pure/inner.rs", "use super::super::c::X;\n");
    // A parent reaching its child (`mod kid; kid::f()`) while the child reaches the parent
    // through a third module: kin -> kin::kid -> c2 -> kin.
    write("kin/mod.rs", "mod kid;\npub fn run() { kid::f(); }\n");
    write("kin/kid.rs", "pub fn f() { crate::c2::g(); }\n");
    write("c2.rs", "pub fn g() { crate::kin::run(); }\n");
    let g = graph(dir.path());
    assert_eq!(cycles(&g.edges), ["a", "b", "c2", "kin", "kin::kid"]);
    assert!(g.bevy.contains("c") && !g.bevy.contains("b"));
    assert!(reach(&g.edges, "pure::inner").contains("c"));
    assert!(
        !g.edges["b"].contains("pure"),
        "comments are not references"
    );
}

#[test]
fn no_function_is_over_80_lines() {
    let long: Vec<String> = long_functions(&src())
        .into_iter()
        .map(|(m, f, n)| format!("{m}::{f} is {n} lines (at most {MAX_FN_LINES})"))
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn the_length_check_sees_a_function_of_81_lines() {
    let dir = tempfile::tempdir().unwrap();
    let body = |n: usize| "    let x = 1;\n".repeat(n);
    // 80 lines from `fn` to `}`, and 81 (a brace in a string and a comment do not count).
    let text = format!(
        "pub fn fits() {{\n{}}}\n\nfn too_long(a: u8) -> u8 {{\n    let s = \"https://{{\"; // }}\n{}    a\n}}\n",
        body(78),
        body(77)
    );
    std::fs::write(dir.path().join("lib.rs"), "mod m;\n").unwrap();
    std::fs::write(dir.path().join("m.rs"), text).unwrap();
    assert_eq!(
        long_functions(dir.path()),
        [("m".to_owned(), "too_long".to_owned(), 81)]
    );
}
