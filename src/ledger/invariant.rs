//! The seven invariants of Volume I, as one type with one table: the name the course records,
//! the labs that exercise each, the Act I answer it makes right, and its catalogue id (its name,
//! equation card and synthesis are the catalogue's `invariant-<id>` message and attributes).
//!
//! Adding an invariant is one row here and one message in each catalogue.

/// One of the seven invariants, in the course's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Invariant {
    IronLaw,
    MemoryWall,
    Amdahl,
    Roofline,
    LittlesLaw,
    Drift,
    Fairness,
}

/// What the lab knows about an invariant.
#[derive(Debug)]
pub struct Facts {
    /// The name the course records (the report card's key, the golden files' value).
    pub course_label: &'static str,
    /// The labs (chapters) that exercise it.
    pub chapters: &'static [u32],
    /// The Act I answer that names it, keyed as the course saves answers.
    pub act1_answer: &'static str,
    /// The catalogue message `invariant-<id>` names it; its attributes hold the equation card
    /// (`.heading`, `.equation`, `.note`) and the synthesis (`.synthesis`, `.synthesis-body`).
    pub id: &'static str,
}

const TABLE: [Facts; Invariant::COUNT] = [
    Facts {
        course_label: "Iron Law",
        chapters: &[2],
        act1_answer: "memory_bw",
        id: "iron-law",
    },
    Facts {
        course_label: "Memory Wall",
        chapters: &[5, 8],
        act1_answer: "memory_bw",
        id: "memory-wall",
    },
    Facts {
        course_label: "Amdahl",
        chapters: &[6, 12],
        act1_answer: "serial_fraction",
        id: "amdahl",
    },
    Facts {
        course_label: "Roofline",
        chapters: &[7, 11],
        act1_answer: "memory_bw",
        id: "roofline",
    },
    Facts {
        course_label: "Little's Law",
        chapters: &[13],
        act1_answer: "queuing",
        id: "littles-law",
    },
    Facts {
        course_label: "Drift",
        chapters: &[3, 14],
        act1_answer: "drift",
        id: "drift",
    },
    Facts {
        course_label: "Fairness",
        chapters: &[15],
        act1_answer: "drift",
        id: "fairness",
    },
];

impl Invariant {
    /// How many there are.
    pub const COUNT: usize = 7;

    /// All of them, in the course's order.
    pub const ALL: [Invariant; Invariant::COUNT] = [
        Invariant::IronLaw,
        Invariant::MemoryWall,
        Invariant::Amdahl,
        Invariant::Roofline,
        Invariant::LittlesLaw,
        Invariant::Drift,
        Invariant::Fairness,
    ];

    /// Its row of the table.
    pub fn facts(self) -> &'static Facts {
        &TABLE[self as usize]
    }

    /// The invariant the course records under `label`, if any.
    pub fn from_course_label(label: &str) -> Option<Invariant> {
        Invariant::ALL
            .into_iter()
            .find(|i| i.facts().course_label == label)
    }
}
