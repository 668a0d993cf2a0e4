//! Seeded mutations of JSON content, for the tests that mangle the shipped content (natively
//! in `content_mutations.rs`, in the browser in `browser/lessons.rs`): odd strings, numbers
//! out of range, wrong types, missing and unknown fields, duplicated and dangling ids.

use serde_json::Value;

/// A small, seeded generator: a failure names its round, and the round replays.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "\n\n\n",
    "é\u{301}\u{301}\u{301}",
    "💡🚀 idé",
    "\u{202e}tset",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "**",
    "[link](javascript:alert(1))",
    "a\u{0}b",
    "Æ",
    "media/",
    "https://example.com/x.png",
];

/// Numbers out of every range content uses: negative, zero, past u8, u32 and f64's exact
/// integers, fractions where counts belong.
const ODD_NUMBERS: &[&str] = &[
    "-1",
    "0",
    "1",
    "255",
    "256",
    "65536",
    "4294967296",
    "-9.5",
    "1e300",
    "9007199254740993",
];

fn odd_number(rng: &mut Rng) -> Value {
    let n = rng.pick(ODD_NUMBERS);
    serde_json::from_str(n).unwrap()
}

/// Every node's JSON pointer, the root included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// The ids and references in a file: swapping one for another makes duplicates and
/// dangling references.
fn id_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if let (Value::String(s), true) = (
                    child,
                    matches!(
                        key.as_str(),
                        "id" | "step" | "from" | "canvas" | "lesson" | "challenge" | "role_model"
                    ),
                ) {
                    out.push(s.clone());
                }
                id_strings(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| id_strings(c, out)),
        _ => {}
    }
}

/// Mangles one node of `root`, chosen by `rng`.
pub fn mutate(root: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    pointers(root, String::new(), &mut all);
    let mut ids = Vec::new();
    id_strings(root, &mut ids);
    let at = rng.pick(&all).clone();
    let node = root.pointer_mut(&at).expect("a pointer just listed");
    match rng.below(8) {
        0 => *node = Value::String(rng.pick(ODD_STRINGS).to_string()),
        1 => *node = Value::String("x".repeat(1 + rng.below(20_000))),
        2 => *node = odd_number(rng),
        3 => *node = Value::Null,
        4 => {
            *node = match rng.below(4) {
                0 => Value::Object(Default::default()),
                1 => Value::Array(vec![]),
                2 => Value::Bool(true),
                _ => Value::String("s".into()),
            }
        }
        5 => match node {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
                map.remove(&key);
            }
            Value::Array(items) if !items.is_empty() => match rng.below(3) {
                0 => items.clear(),
                1 => {
                    let copy = items[rng.below(items.len())].clone();
                    items.push(copy);
                }
                _ => items.reverse(),
            },
            other => *other = Value::Array(vec![other.take(), Value::Null]),
        },
        6 if !ids.is_empty() => *node = Value::String(rng.pick(&ids).clone()),
        _ => {
            if let Value::Object(map) = node {
                map.insert(
                    rng.pick(&["colour", "type", "id", "da", "en", "steps"])
                        .to_string(),
                    Value::String(rng.pick(ODD_STRINGS).to_string()),
                );
            } else {
                *node = Value::String(rng.pick(ODD_STRINGS).to_string());
            }
        }
    }
}
