//! Merge person mentions into `people[]`, in first-mention order.
//!
//! Mentions merge when their names match ignoring case and dots ("Supt. Russell" = "Supt
//! Russell"). Roles accumulate, first given first; a later bare mention inherits them.

use std::collections::HashMap;

use super::speakers::name_key;
use crate::model::{Person, PersonRecord, Role};

/// People built from mentions in document order.
#[derive(Default)]
pub(crate) struct People {
    records: Vec<PersonRecord>,
    index: HashMap<String, usize>,
}

impl People {
    /// Record a mention. Mentions without a name (offices) are not people. Mentions that
    /// neither speak nor carry a role only count towards people already known.
    pub fn add(&mut self, p: &Person, speaks: bool) {
        let Some(name) = p.name.as_deref() else {
            return;
        };
        let key = name_key(name);
        let has_role = p.role.is_some() || p.organisation.is_some();
        let idx = match self.index.get(&key) {
            Some(&i) => i,
            None if speaks || has_role => {
                self.records.push(PersonRecord { name: name.to_string(), roles: Vec::new(), mentions: 0 });
                self.index.insert(key, self.records.len() - 1);
                self.records.len() - 1
            }
            None => return,
        };
        let rec = &mut self.records[idx];
        rec.mentions += 1;
        if has_role {
            let role = Role { role: p.role.clone(), organisation: p.organisation.clone() };
            if !rec.roles.contains(&role) {
                rec.roles.push(role);
            }
        }
    }

    /// The first role known for `name`, to fill a bare mention.
    pub fn role_of(&self, name: &str) -> Option<&Role> {
        self.index.get(&name_key(name)).and_then(|&i| self.records[i].roles.first())
    }

    /// The records, first mention first.
    pub fn into_records(self) -> Vec<PersonRecord> {
        self.records
    }
}
