//! Fuzzing the ledger import parser: arbitrary bytes, arbitrary JSON, and ledger-shaped JSON
//! with odd types must give a result or an error, never a panic. Cases per property: 20,000 by
//! default; set LEDGER_FUZZ_CASES for a longer run.

use architects_audit::ledger::{analyze, parse_str, parse_value};
use proptest::prelude::*;
use serde_json::{Value, json};

fn cases() -> u32 {
    std::env::var("LEDGER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z0-9_ ]{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("chapter"),
            Just("design"),
            Just("history"),
            Just("act1_correct"),
            Just("context"),
            Just("13"),
            Just("3.0")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("chapter".to_string()),
                        Just("design".to_string()),
                        Just("history".to_string()),
                        Just("act1_correct".to_string()),
                        Just("constraint_hit".to_string()),
                        Just("context".to_string()),
                        Just("act2_result".to_string()),
                        Just("act2_decision".to_string()),
                        "[a-z0-9]{1,6}"
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn ledger_shaped() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((any_json(), any_json()), 0..20),
        any::<bool>(),
    )
        .prop_map(|(entries, keyed)| {
            if keyed {
                let m: serde_json::Map<String, Value> = entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, d))| (format!("{}", i % 18), d))
                    .collect();
                json!({ "track": "cloud", "history": m })
            } else {
                let h: Vec<Value> = entries
                    .into_iter()
                    .map(|(c, d)| json!({ "chapter": c, "design": d }))
                    .collect();
                json!({ "track": "cloud", "current_chapter": 15, "history": h, "last_updated": "" })
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(p) = parse_str(&text) {
            let _ = analyze(&p.ledger);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(v in any_json()) {
        if let Ok(p) = parse_value(&v) {
            let _ = analyze(&p.ledger);
        }
    }

    #[test]
    fn ledger_shaped_json_reads_and_round_trips(v in ledger_shaped()) {
        let p = parse_value(&v).expect("a ledger-shaped object always reads");
        let card = analyze(&p.ledger);
        // A keyed history names its chapters by key, so the labs completed can be counted from
        // the input itself: the distinct keys 1 to 15 (every value reads as an entry).
        if let Value::Object(m) = &v["history"] {
            let labs: std::collections::BTreeSet<u64> = m
                .keys()
                .filter_map(|k| k.parse().ok())
                .filter(|n| (1..=15).contains(n))
                .collect();
            prop_assert_eq!(card.n_completed as usize, labs.len());
        }
        // Export keeps the input itself (a keyed history becomes a list in stored order), so
        // nothing the parser skipped or normalised is lost.
        let out = p.ledger.to_value();
        match &v["history"] {
            Value::Array(_) => prop_assert_eq!(&out, &v),
            Value::Object(m) => {
                let list = out["history"].as_array().unwrap();
                prop_assert_eq!(list.len(), m.len());
                for (item, (key, value)) in list.iter().zip(m) {
                    let n: u64 = key.parse().unwrap();
                    prop_assert_eq!(&item["chapter"], &json!(n));
                    match value {
                        Value::Object(e) if e.contains_key("design") => {
                            // (An entry's own "chapter" inside a keyed history yields to its key.)
                            for (k, v) in e.iter().filter(|(k, _)| *k != "chapter") {
                                prop_assert_eq!(&item[k.as_str()], v);
                            }
                        }
                        other => prop_assert_eq!(&item["design"], other),
                    }
                }
            }
            _ => unreachable!(),
        }
        // Read back: the same report card.
        let again = parse_str(&p.ledger.to_json_pretty()).expect("an export reads back");
        prop_assert_eq!(analyze(&again.ledger), card);
    }
}
