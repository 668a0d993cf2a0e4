//! Finding things as a pupil does: by role and accessible name ("the button Tilføj idé",
//! "the text field Søg"), not by CSS class. A test written this way breaks when what the
//! pupil (or a screen reader) sees changes, and not when markup is refactored.
//!
//! ```ignore
//! app.button("Tilføj idé").await.click().await;
//! app.textbox("Dit svar").await.type_text("Min idé").await;
//! app.within("main .step").button("Læs op").await.click().await;
//! app.combobox("Niveau").await.select("Indskoling").await;
//! ```
//!
//! Every finder waits until exactly one element with that role and name is in the
//! accessibility tree (hidden elements are not), and otherwise fails with the roles and
//! names that were there and a screenshot. The role and name are computed in the page by
//! `roles.js`; `tests/browser/app.rs` cross-checks it against Chromium's own computation.

use std::time::Instant;

use fantoccini::elements::{Element, ElementRef};
use serde_json::{json, Value};

use super::{timeout, App, POLL};

const ROLES_JS: &str = include_str!("roles.js");

/// What one run of `roles.js` saw.
struct Lookup {
    matches: Vec<Element>,
    /// `(role, name)` of every widget and heading in the scope.
    present: Vec<(String, String)>,
    /// `(element, role, name)` of every element with a role (only when asked for).
    items: Vec<(Element, String, String)>,
    scope_found: bool,
}

/// Finders limited to the first element matching a CSS selector (`app.within("main")`).
#[derive(Clone, Copy)]
pub struct Within<'a> {
    app: &'a App,
    scope: Option<&'a str>,
}

/// An element found by role and name, with the actions a user takes on it. Each action
/// fails the test with the element's role and name when it cannot be done.
pub struct Control<'a> {
    app: &'a App,
    element: Element,
    role: String,
    name: String,
}

fn element_from(app: &App, value: &Value) -> Option<Element> {
    let id = value.as_object()?.values().next()?.as_str()?;
    Some(Element::from_element_id(
        app.client().clone(),
        ElementRef::from(id.to_string()),
    ))
}

fn pair(value: &Value) -> (String, String) {
    (
        value[0].as_str().unwrap_or_default().to_string(),
        value[1].as_str().unwrap_or_default().to_string(),
    )
}

/// `button "Næste"`.
fn describe(role: &str, name: &str) -> String {
    format!("{role} {name:?}")
}

fn list_present(present: &[(String, String)]) -> String {
    if present.is_empty() {
        return "  (no buttons, links, fields or headings at all)".to_string();
    }
    present
        .iter()
        .map(|(role, name)| format!("  {}", describe(role, name)))
        .collect::<Vec<_>>()
        .join("\n")
}

impl App {
    /// Runs `roles.js`; `None` while the page cannot run scripts (mid-navigation).
    async fn lookup(
        &self,
        scope: Option<&str>,
        role: Option<&str>,
        name: Option<&str>,
        everything: bool,
    ) -> Option<Lookup> {
        let value = self
            .try_js_value(
                ROLES_JS,
                vec![json!(scope), json!(role), json!(name), json!(everything)],
            )
            .await?;
        let list = |key: &str| value[key].as_array().cloned().unwrap_or_default();
        Some(Lookup {
            matches: list("matches")
                .iter()
                .filter_map(|v| element_from(self, v))
                .collect(),
            present: list("present").iter().map(pair).collect(),
            items: list("items")
                .iter()
                .filter_map(|v| {
                    let (role, name) = pair(&json!([v[1], v[2]]));
                    Some((element_from(self, &v[0])?, role, name))
                })
                .collect(),
            scope_found: value["scope"] == true,
        })
    }

    /// Finders limited to the first element matching `css`.
    pub fn within<'a>(&'a self, css: &'a str) -> Within<'a> {
        Within {
            app: self,
            scope: Some(css),
        }
    }

    fn everywhere(&self) -> Within<'_> {
        Within {
            app: self,
            scope: None,
        }
    }

    /// Waits for the one element with ARIA `role` and accessible name `name`.
    pub async fn by_role(&self, role: &str, name: &str) -> Control<'_> {
        self.everywhere().by_role(role, name).await
    }

    pub async fn button(&self, name: &str) -> Control<'_> {
        self.by_role("button", name).await
    }

    pub async fn link(&self, name: &str) -> Control<'_> {
        self.by_role("link", name).await
    }

    /// A text field (`<input type=text>`, `<textarea>`) named by its label.
    pub async fn textbox(&self, label: &str) -> Control<'_> {
        self.by_role("textbox", label).await
    }

    /// A search field (`<input type=search>`) named by its label.
    pub async fn searchbox(&self, label: &str) -> Control<'_> {
        self.by_role("searchbox", label).await
    }

    /// A drop-down (`<select>`) named by its label.
    pub async fn combobox(&self, label: &str) -> Control<'_> {
        self.by_role("combobox", label).await
    }

    pub async fn heading(&self, name: &str) -> Control<'_> {
        self.by_role("heading", name).await
    }

    pub async fn checkbox(&self, label: &str) -> Control<'_> {
        self.by_role("checkbox", label).await
    }

    pub async fn radio(&self, label: &str) -> Control<'_> {
        self.by_role("radio", label).await
    }

    /// How many elements have this role and name right now (no waiting).
    pub async fn count_by_role(&self, role: &str, name: &str) -> usize {
        self.everywhere().count_by_role(role, name).await
    }

    /// Waits until no element has this role and name (e.g. a dialog closed).
    pub async fn wait_for_no_role(&self, role: &str, name: &str) {
        self.everywhere().wait_for_no_role(role, name).await
    }

    /// `(role, name)` of every button, link, field and heading on the page, in order.
    pub async fn roles_present(&self) -> Vec<(String, String)> {
        self.everywhere().roles_present().await
    }

    /// `(element, role, name)` of every element with a role in the scope (`None`: the
    /// whole page), in document order: for checking `roles.js` itself.
    pub async fn all_roles(&self, scope: Option<&str>) -> Vec<(Element, String, String)> {
        match self.lookup(scope, None, None, true).await {
            Some(lookup) => lookup.items,
            None => self.fail("cannot list the roles on the page").await,
        }
    }
}

impl<'a> Within<'a> {
    fn place(&self) -> String {
        match self.scope {
            Some(css) => format!(" in {css}"),
            None => String::new(),
        }
    }

    /// Waits for the one element in the scope with ARIA `role` and accessible name `name`.
    pub async fn by_role(self, role: &str, name: &str) -> Control<'a> {
        let deadline = Instant::now() + timeout();
        let mut last = None;
        loop {
            if let Some(mut lookup) = self
                .app
                .lookup(self.scope, Some(role), Some(name), false)
                .await
            {
                if lookup.matches.len() == 1 {
                    return Control {
                        app: self.app,
                        element: lookup.matches.remove(0),
                        role: role.to_string(),
                        name: name.to_string(),
                    };
                }
                last = Some(lookup);
            }
            if Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(POLL).await;
        }
        let what = describe(role, name);
        let message = match last {
            None => format!("no {what}{}: the page never ran scripts", self.place()),
            Some(l) if !l.scope_found => {
                format!("no {what}: nothing matches the scope {:?}", self.scope)
            }
            Some(l) if l.matches.len() > 1 => format!(
                "{} elements are {what}{}; a user could not tell them apart, so narrow it \
                 with `within(css)`. Present:\n{}",
                l.matches.len(),
                self.place(),
                list_present(&l.present)
            ),
            Some(l) => format!(
                "no {what}{} after {:?}. Present:\n{}",
                self.place(),
                timeout(),
                list_present(&l.present)
            ),
        };
        self.app.fail(&message).await
    }

    pub async fn button(self, name: &str) -> Control<'a> {
        self.by_role("button", name).await
    }

    pub async fn link(self, name: &str) -> Control<'a> {
        self.by_role("link", name).await
    }

    pub async fn textbox(self, label: &str) -> Control<'a> {
        self.by_role("textbox", label).await
    }

    pub async fn searchbox(self, label: &str) -> Control<'a> {
        self.by_role("searchbox", label).await
    }

    pub async fn combobox(self, label: &str) -> Control<'a> {
        self.by_role("combobox", label).await
    }

    pub async fn heading(self, name: &str) -> Control<'a> {
        self.by_role("heading", name).await
    }

    pub async fn checkbox(self, label: &str) -> Control<'a> {
        self.by_role("checkbox", label).await
    }

    pub async fn radio(self, label: &str) -> Control<'a> {
        self.by_role("radio", label).await
    }

    pub async fn count_by_role(self, role: &str, name: &str) -> usize {
        match self
            .app
            .lookup(self.scope, Some(role), Some(name), false)
            .await
        {
            Some(lookup) => lookup.matches.len(),
            None => 0,
        }
    }

    pub async fn wait_for_no_role(self, role: &str, name: &str) {
        let gone = self
            .app
            .try_wait_until(async || {
                matches!(
                    self.app.lookup(self.scope, Some(role), Some(name), false).await,
                    Some(l) if l.matches.is_empty()
                )
            })
            .await;
        if !gone {
            let present = self.roles_present().await;
            self.app
                .fail(&format!(
                    "{} is still there{}. Present:\n{}",
                    describe(role, name),
                    self.place(),
                    list_present(&present)
                ))
                .await;
        }
    }

    pub async fn roles_present(self) -> Vec<(String, String)> {
        self.app
            .lookup(self.scope, Some(""), None, false)
            .await
            .map(|l| l.present)
            .unwrap_or_default()
    }

    /// Every element in the scope with this role, with its name, in document order.
    pub async fn all_by_role(self, role: &str) -> Vec<Control<'a>> {
        let Some(lookup) = self.app.lookup(self.scope, None, None, true).await else {
            return Vec::new();
        };
        lookup
            .items
            .into_iter()
            .filter(|(_, r, _)| r == role)
            .map(|(element, role, name)| Control {
                app: self.app,
                element,
                role,
                name,
            })
            .collect()
    }
}

impl<'a> Control<'a> {
    /// The WebDriver element, for anything the actions below do not cover.
    pub fn element(&self) -> &Element {
        &self.element
    }

    pub fn role(&self) -> &str {
        &self.role
    }

    /// The accessible name it was found by.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn what(&self) -> String {
        describe(&self.role, &self.name)
    }

    async fn run(&self, script: &str) -> Value {
        let element = serde_json::to_value(&self.element).expect("an element as JSON");
        match self.app.try_js_value(script, vec![element]).await {
            Some(value) => value,
            None => {
                self.app
                    .fail(&format!("{} is gone from the page", self.what()))
                    .await
            }
        }
    }

    /// Clicks it once it is enabled, as a user can only click an enabled control.
    pub async fn click(&self) {
        let enabled = self
            .app
            .try_wait_until(async || {
                self.run(
                    "const e = arguments[0]; \
                     return !e.disabled && e.getAttribute('aria-disabled') !== 'true'",
                )
                .await
                    == Value::Bool(true)
            })
            .await;
        if !enabled {
            self.app
                .fail(&format!("{} stays disabled", self.what()))
                .await;
        }
        if let Err(e) = self.element.click().await {
            self.app
                .fail(&format!("cannot click {}: {e}", self.what()))
                .await;
        }
    }

    /// Types `text` after what the field holds, key by key.
    pub async fn type_text(&self, text: &str) {
        if let Err(e) = self.element.send_keys(text).await {
            self.app
                .fail(&format!("cannot type into {}: {e}", self.what()))
                .await;
        }
    }

    pub async fn clear(&self) {
        if let Err(e) = self.element.clear().await {
            self.app
                .fail(&format!("cannot clear {}: {e}", self.what()))
                .await;
        }
    }

    /// Chooses the option with this visible text in a drop-down.
    pub async fn select(&self, option: &str) {
        if let Err(e) = self.element.select_by_label(option).await {
            self.app
                .fail(&format!("cannot choose {option:?} in {}: {e}", self.what()))
                .await;
        }
    }

    /// Chooses the option with this `value` in a drop-down (for values the test knows
    /// rather than the text shown).
    pub async fn select_value(&self, value: &str) {
        if let Err(e) = self.element.select_by_value(value).await {
            self.app
                .fail(&format!(
                    "cannot choose the value {value:?} in {}: {e}",
                    self.what()
                ))
                .await;
        }
    }

    /// `.value` of a field (`""` for elements without one).
    pub async fn value(&self) -> String {
        match self.run("return arguments[0].value ?? ''").await {
            Value::String(s) => s,
            other => other.to_string(),
        }
    }

    /// Whether a checkbox or radio button is ticked.
    pub async fn is_checked(&self) -> bool {
        self.run("return !!arguments[0].checked").await == Value::Bool(true)
    }

    /// `aria-pressed` of a toggle button: `Some(true)`, `Some(false)`, or `None` if unset.
    pub async fn is_pressed(&self) -> Option<bool> {
        match self.attr("aria-pressed").await.as_deref() {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        }
    }

    pub async fn is_enabled(&self) -> bool {
        self.run("return !arguments[0].disabled").await == Value::Bool(true)
    }

    pub async fn attr(&self, name: &str) -> Option<String> {
        match self
            .run(&format!(
                "return arguments[0].getAttribute({})",
                json!(name)
            ))
            .await
        {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The rendered text.
    pub async fn text(&self) -> String {
        match self.element.text().await {
            Ok(text) => text,
            Err(e) => {
                self.app
                    .fail(&format!("cannot read the text of {}: {e}", self.what()))
                    .await
            }
        }
    }

    /// Whether keyboard focus is on it.
    pub async fn has_focus(&self) -> bool {
        self.run("return document.activeElement === arguments[0]")
            .await
            == Value::Bool(true)
    }
}
