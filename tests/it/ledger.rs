//! The ledger parser's documented readings and errors.

use architects_audit::ledger::{self, analyze, parse_str};

#[test]
fn robust_readings_never_panic_and_are_noted() {
    let text = r#"{
        "track": "cloud",
        "current_chapter": "15",
        "history": [
            {"chapter": 2, "design": null},
            {"chapter": "3", "design": {"act1_correct": "yes", "context": "edge"}},
            {"chapter": 5.0, "design": {"act1_correct": 1, "constraint_hit": "false"}},
            {"chapter": 6.5, "design": {}},
            "not an entry",
            {"design": {"act1_correct": true}},
            {"chapter": 7, "design": {"act1_correct": true, "mystery": [1, 2]}}
        ],
        "future_field": {"kept": true}
    }"#;
    let p = parse_str(text).unwrap();
    let chapters: Vec<u32> = p.ledger.history.iter().map(|e| e.chapter).collect();
    assert_eq!(chapters, vec![2, 3, 5, 7]);
    let notes = p
        .notes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(notes.contains("$.history[0].design"), "{notes}");
    assert!(notes.contains("$.history[1].chapter"), "{notes}");
    assert!(notes.contains("$.history[3].chapter"), "{notes}");
    assert!(notes.contains("$.history[4]"), "{notes}");
    assert!(notes.contains("$.history[5].chapter is missing"), "{notes}");
    let card = analyze(&p.ledger);
    assert_eq!(card.n_completed, 4);
    // "yes" and 1 read as true; "false" reads as false.
    assert_eq!(card.n_correct, 3);
    assert_eq!(card.n_hits, 0);
    assert_eq!(card.context_count("edge"), 1);
    // Nothing is lost on export: unknown fields, odd values and unreadable entries, in place.
    let back = p.ledger.to_value();
    let input: serde_json::Value = serde_json::from_str(text).unwrap();
    for (k, v) in input.as_object().unwrap() {
        assert_eq!(&back[k.as_str()], v, "{k}");
    }
    // A missing field of the course's format is written with its default.
    assert_eq!(back["last_updated"], "");
    assert_eq!(back["history"][6]["design"]["mystery"][1], 2);
}

#[test]
fn unusable_documents_are_errors_with_a_path() {
    for (text, path) in [
        ("", "$"),
        ("   ", "$"),
        ("[]", "$"),
        ("42", "$"),
        ("{\"history\": \"lots\"}", "$.history"),
        ("{\"history\": [", "$"),
    ] {
        let e = parse_str(text).unwrap_err();
        assert_eq!(e.path, path, "{text}: {e}");
    }
}

#[test]
fn chapter_keyed_history_is_accepted() {
    let text = r#"{"track":"edge","history":{"2":{"act1_correct":true},"13":{"design":{"act2_result":420.0}},"x":{}}}"#;
    let p = parse_str(text).unwrap();
    assert_eq!(p.ledger.chapters(), vec![2, 13]);
    let card = analyze(&p.ledger);
    assert_eq!(card.n_completed, 2);
    assert_eq!(card.recommendations.len(), 1);
    assert_eq!(card.recommendations[0].kind, "p99");
    assert!(p.notes.iter().any(|n| n.to_string().contains("\"x\"")));
}

#[test]
fn export_round_trips_and_last_entry_wins() {
    let mut l = ledger::Ledger::default();
    let mut d = serde_json::Map::new();
    d.insert("act1_correct".into(), false.into());
    l.append(4, d.clone(), "t");
    d.insert("act1_correct".into(), true.into());
    l.append(4, d, "t");
    let text = l.to_json_pretty();
    let p = parse_str(&text).unwrap();
    assert_eq!(p.ledger, l);
    assert!(p.notes.is_empty());
    assert_eq!(analyze(&p.ledger).n_correct, 1);
}
