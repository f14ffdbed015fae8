//! CI guards over this crate's `src/`, read with `syn` (no build needed):
//! `no_module_cycles`: modules must not import each other in a circle;
//! `no_oversized_files`: no file under `src/` has more than 800 non-blank lines
//! outside `#[cfg(test)]` items (comment and doc lines count).
//!
//! Nodes: every module a non-test build compiles, found by following `mod`
//! items from `src/lib.rs` (`foo.rs`, `foo/mod.rs`, `#[path]`, inline
//! `mod x { }`); lib.rs (the root) is left out. A folder's `mod.rs` is its own
//! node (`render`), each child another (`render::en`); module paths are cut
//! to 3 segments, so deeper modules fold into their ancestor.
//!
//! Edge A -> B: code of module A names a path that resolves into module B:
//! `use` leaves (fn bodies included), every `syn::Path` (expressions, types,
//! patterns, `pub(in crate::b)`, generic args), macro bodies (visited as
//! comma-separated expressions when they parse so, else scanned for `a::b`
//! token runs, `$crate::..` too) and `crate::..` inside strings of non-doc
//! attributes (`#[serde(with = "crate::b::f")]`). A path may start at
//! `crate`/`self`/`super`, at a child module (`en::En` in render/mod.rs) or at
//! a name the module imported; `crate::Name` where lib.rs re-exports `Name`
//! (`pub use b::Name;`, also through globs) points into `b`. A bare `mod x;`
//! is no edge.
//!
//! Left out: comments, other string literals, `#[doc]`; items, impl items,
//! fields, variants, arms and `let`s under a `#[cfg]` false in every non-test
//! build (`test`, `doctest`, `not`/`all`/`any` of them; features and targets
//! count as on); `#![cfg(test)]` files and `#[cfg(test)] mod x;` modules.
//! Not seen: paths through an alias of the root (`use crate as c;`), paths a
//! macro builds from fragments, `include!`d code, `use` items inside macros.
//!
//! Env: `MODULE_GRAPH_ROOT=<dir holding src/lib.rs>` (default: this crate);
//! `MODULE_GRAPH_EDGES=1` prints every edge (`-- --nocapture`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Attribute, Expr, ImplItem, Item, Lit, Meta, Token, UseTree};

const DEPTH: usize = 3;
const MAX_LINES: usize = 800;
const HEADS: [&str; 4] = ["crate", "$crate", "super", "self"];

type ModPath = Vec<String>;
/// Edges (from node, to node) -> every reference (file, line).
type Edges = BTreeMap<(String, String), Vec<(String, usize)>>;

/// A path written in `module`; `alias` and `glob` are for `use` leaves.
#[derive(Default)]
struct Ref {
    module: ModPath,
    segs: Vec<String>,
    file: String,
    line: usize,
    alias: Option<String>,
    glob: bool,
}

#[derive(Default)]
struct Crate {
    modules: BTreeSet<ModPath>,
    test_only: BTreeSet<ModPath>,
    items: HashSet<(ModPath, String)>,
    names: HashMap<(ModPath, String), Option<ModPath>>, // imported names; None: external
    globs: Vec<(ModPath, ModPath)>,                     // (module, glob-imported module)
    uses: Vec<Ref>,
    refs: Vec<Ref>,
    errors: Vec<String>,
}

fn child(m: &[String], s: impl ToString) -> ModPath {
    let mut c = m.to_vec();
    c.push(s.to_string());
    c
}

fn node(mp: &[String]) -> String {
    let cut: Vec<&str> = mp.iter().take(DEPTH).map(String::as_str).collect();
    cut.join("::")
}

/// `Some(false)`: off in every non-test build; `None`: unknown (taken as on).
fn cfg_value(m: &Meta) -> Option<bool> {
    let Meta::List(l) = m else {
        let test = m.path().is_ident("test") || m.path().is_ident("doctest");
        return (test && matches!(m, Meta::Path(_))).then_some(false);
    };
    let args = l.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated);
    let vals: Vec<_> = args.ok()?.iter().map(cfg_value).collect();
    let off = |v: &Option<bool>| *v == Some(false);
    match l.path.get_ident()?.to_string().as_str() {
        "not" => vals.first().copied().flatten().map(|v| !v),
        "all" => vals.iter().any(off).then_some(false),
        "any" => vals.iter().all(off).then_some(false),
        _ => None,
    }
}

fn cfg_off(attrs: &[Attribute]) -> bool {
    let value = |a: &Attribute| a.parse_args::<Meta>().ok().and_then(|m| cfg_value(&m));
    let off = |a: &Attribute| a.path().is_ident("cfg") && value(a) == Some(false);
    attrs.iter().any(off)
}

fn path_attr(attrs: &[Attribute]) -> Option<String> {
    let is_path = |a: &&Attribute| a.path().is_ident("path");
    let nv = attrs.iter().find(is_path)?.meta.require_name_value().ok()?;
    let Expr::Lit(syn::ExprLit {
        lit: Lit::Str(s), ..
    }) = &nv.value
    else {
        return None;
    };
    Some(s.value())
}

/// Attributes of an item and the name it defines in its module.
fn item_info(it: &Item) -> (&[Attribute], Option<&syn::Ident>) {
    match it {
        Item::Const(i) => (&i.attrs, Some(&i.ident)),
        Item::Enum(i) => (&i.attrs, Some(&i.ident)),
        Item::ExternCrate(i) => (&i.attrs, None),
        Item::Fn(i) => (&i.attrs, Some(&i.sig.ident)),
        Item::ForeignMod(i) => (&i.attrs, None),
        Item::Impl(i) => (&i.attrs, None),
        Item::Macro(i) => (&i.attrs, i.ident.as_ref()),
        Item::Mod(i) => (&i.attrs, Some(&i.ident)),
        Item::Static(i) => (&i.attrs, Some(&i.ident)),
        Item::Struct(i) => (&i.attrs, Some(&i.ident)),
        Item::Trait(i) => (&i.attrs, Some(&i.ident)),
        Item::TraitAlias(i) => (&i.attrs, Some(&i.ident)),
        Item::Type(i) => (&i.attrs, Some(&i.ident)),
        Item::Union(i) => (&i.attrs, Some(&i.ident)),
        Item::Use(i) => (&i.attrs, None),
        _ => (&[], None),
    }
}

/// `crate::a::b` style paths inside a string (attribute arguments).
fn string_paths(s: &str) -> Vec<Vec<String>> {
    let words = s.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'));
    let paths = words.map(|w| w.split("::").map(str::to_string).collect::<Vec<_>>());
    let ok = |p: &Vec<String>| p.iter().all(|s| !s.is_empty());
    let head = |p: &Vec<String>| p.first().is_some_and(|h| HEADS.contains(&h.as_str()));
    paths.filter(|p| p.len() > 1 && ok(p) && head(p)).collect()
}

struct Walker<'a> {
    k: &'a mut Crate,
    root: &'a Path, // paths in reports are relative to it
    cur: ModPath,
    dir: PathBuf,             // where the files of `cur`'s `mod x;` children live
    file: PathBuf,            // source file being read
    inline: bool,             // inside an inline `mod x { }` of `file`
    follow: bool,             // load the files of `mod x;` items
    off: Vec<(usize, usize)>, // line ranges of skipped `#[cfg(test)]` nodes
}

impl<'a> Walker<'a> {
    fn new(k: &'a mut Crate, root: &'a Path, file: PathBuf, follow: bool) -> Walker<'a> {
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let (cur, inline, off) = (vec![], false, vec![]);
        Walker {
            k,
            root,
            cur,
            dir,
            file,
            inline,
            follow,
            off,
        }
    }

    fn skip(&mut self, attrs: &[Attribute], span: Span) -> bool {
        let off = cfg_off(attrs);
        if off {
            self.off.push((span.start().line, span.end().line));
        }
        off
    }

    fn at(&self, segs: Vec<String>, line: usize) -> Ref {
        let file = self.file.strip_prefix(self.root).unwrap_or(&self.file);
        let (module, file) = (self.cur.clone(), file.display().to_string());
        Ref {
            module,
            segs,
            file,
            line,
            ..Ref::default()
        }
    }

    fn use_tree(&mut self, tree: &UseTree, pre: &[String]) {
        let (segs, span, alias, glob) = match tree {
            UseTree::Path(p) => return self.use_tree(&p.tree, &child(pre, &p.ident)),
            UseTree::Group(g) => return g.items.iter().for_each(|t| self.use_tree(t, pre)),
            UseTree::Name(n) => (child(pre, &n.ident), n.ident.span(), None, false),
            UseTree::Rename(r) => (child(pre, &r.ident), r.ident.span(), Some(&r.rename), false),
            UseTree::Glob(g) => (pre.to_vec(), g.star_token.span, None, true),
        };
        let r = self.at(segs, span.start().line);
        let alias = alias.map(|a| a.to_string());
        self.k.uses.push(Ref { alias, glob, ..r });
    }

    /// Visit `items` as the body of module `mp`.
    fn enter(&mut self, mp: ModPath, dir: PathBuf, file: PathBuf, inline: bool, items: &[Item]) {
        let saved = (
            std::mem::replace(&mut self.cur, mp.clone()),
            std::mem::replace(&mut self.dir, dir),
            std::mem::replace(&mut self.file, file),
            std::mem::replace(&mut self.inline, inline),
        );
        for (attrs, id) in items.iter().map(item_info) {
            if let (false, Some(id)) = (cfg_off(attrs), id) {
                self.k.items.insert((mp.clone(), id.to_string()));
            }
        }
        items.iter().for_each(|it| self.visit_item(it));
        (self.cur, self.dir, self.file, self.inline) = saved;
    }

    fn load(&mut self, file: PathBuf, mp: ModPath) {
        let text = fs::read_to_string(&file).map_err(|e| e.to_string());
        let f = match text.and_then(|s| syn::parse_file(&s).map_err(|e| e.to_string())) {
            Ok(f) => f,
            Err(e) => return self.k.errors.push(format!("{}: {e}", file.display())),
        };
        if cfg_off(&f.attrs) {
            self.k.modules.remove(&mp);
            self.k.test_only.insert(mp);
            return;
        }
        let parent = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let name = file.file_name().and_then(|n| n.to_str());
        let dir = match (name, file.file_stem()) {
            (Some("mod.rs" | "lib.rs"), _) | (_, None) => parent,
            (_, Some(stem)) => parent.join(stem),
        };
        self.enter(mp, dir, file, false, &f.items);
    }

    /// Paths in raw tokens: `a::b` runs (`$crate::..` too); if `strings`, in string literals.
    fn scan(&mut self, ts: TokenStream, strings: bool) {
        let toks: Vec<TokenTree> = ts.into_iter().collect();
        let punct =
            |k: usize, c| matches!(toks.get(k), Some(TokenTree::Punct(p)) if p.as_char() == c);
        let sep = |k: usize| punct(k, ':') && punct(k + 1, ':');
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            match t {
                TokenTree::Group(g) => self.scan(g.stream(), strings),
                TokenTree::Literal(l) if strings => {
                    if let Lit::Str(s) = Lit::new(l.clone()) {
                        for segs in string_paths(&s.value()) {
                            let r = self.at(segs, l.span().start().line);
                            self.k.refs.push(r);
                        }
                    }
                }
                _ => {}
            }
            let after_sep = i >= 2 && sep(i - 2) || i >= 1 && punct(i - 1, '.');
            let (mut segs, mut k) = match (t, toks.get(i + 1)) {
                (TokenTree::Punct(p), Some(TokenTree::Ident(id))) if p.as_char() == '$' => {
                    (vec![format!("${id}")], i + 2)
                }
                (TokenTree::Ident(id), _) if !after_sep => (vec![id.to_string()], i + 1),
                _ => {
                    i += 1;
                    continue;
                }
            };
            while let (true, Some(TokenTree::Ident(id))) = (sep(k), toks.get(k + 2)) {
                segs.push(id.to_string());
                k += 3;
            }
            if segs.len() > 1 {
                let r = self.at(segs, t.span().start().line);
                self.k.refs.push(r);
            }
            i = k;
        }
    }
}

/// `visit_x` overrides that skip a node under a test-only `#[cfg]`.
macro_rules! skip_visits {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(&mut self, n: &'ast $t) {
            if !self.skip(&n.attrs, n.span()) {
                visit::$f(self, n);
            }
        }
    )*};
}

impl<'ast> Visit<'ast> for Walker<'_> {
    skip_visits!(visit_field: syn::Field, visit_variant: syn::Variant);
    skip_visits!(visit_arm: syn::Arm, visit_local: syn::Local);

    fn visit_item(&mut self, it: &'ast Item) {
        if !self.skip(item_info(it).0, it.span()) {
            visit::visit_item(self, it);
        } else if let Item::Mod(m) = it {
            self.k.test_only.insert(child(&self.cur, &m.ident));
        }
    }

    fn visit_impl_item(&mut self, it: &'ast ImplItem) {
        let attrs: &[Attribute] = match it {
            ImplItem::Const(c) => &c.attrs,
            ImplItem::Fn(f) => &f.attrs,
            ImplItem::Type(t) => &t.attrs,
            ImplItem::Macro(m) => &m.attrs,
            _ => &[],
        };
        if !self.skip(attrs, it.span()) {
            visit::visit_impl_item(self, it);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let (name, mp) = (m.ident.to_string(), child(&self.cur, &m.ident));
        self.k.modules.insert(mp.clone());
        let here = self.file.parent().unwrap_or(Path::new("")).to_path_buf();
        let base = if self.inline { self.dir.clone() } else { here };
        match (&m.content, path_attr(&m.attrs)) {
            (Some((_, items)), p) => {
                let dir = self.dir.join(p.unwrap_or(name));
                self.enter(mp, dir, self.file.clone(), true, items);
            }
            (None, _) if !self.follow => {}
            (None, Some(p)) => self.load(base.join(p), mp),
            (None, None) => {
                let file = self.dir.join(format!("{name}.rs"));
                let folder = self.dir.join(&name).join("mod.rs");
                self.load(if file.is_file() { file } else { folder }, mp);
            }
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&u.tree, &[]);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() > 1 && p.leading_colon.is_none() {
            let segs = p.segments.iter().map(|s| s.ident.to_string()).collect();
            let r = self.at(segs, p.span().start().line);
            self.k.refs.push(r);
        }
        visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.visit_path(&m.path);
        match m.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            Ok(exprs) => exprs.iter().for_each(|e| self.visit_expr(e)),
            Err(_) => self.scan(m.tokens.clone(), false),
        }
    }

    fn visit_attribute(&mut self, a: &'ast Attribute) {
        let skip = ["doc", "cfg", "path"].iter().any(|n| a.path().is_ident(n));
        if let (false, Meta::List(l)) = (skip, &a.meta) {
            self.scan(l.tokens.clone(), true);
        }
    }
}

impl Crate {
    fn load(root: &Path) -> Crate {
        let (mut k, lib) = (Crate::default(), root.join("src/lib.rs"));
        Walker::new(&mut k, root, lib.clone(), true).load(lib, vec![]);
        let (mut names, mut globs) = (HashMap::new(), Vec::new());
        for u in &k.uses {
            let Some(mut f) = k.absolute(&u.module, &u.segs) else {
                let head = u.segs.first().map_or("crate", String::as_str);
                let last = u.segs.last().cloned().unwrap_or_default();
                if !u.glob && last != "self" && !HEADS.contains(&head) {
                    names.insert((u.module.clone(), u.alias.clone().unwrap_or(last)), None);
                }
                continue;
            };
            if u.glob {
                globs.push((u.module.clone(), f));
                continue;
            }
            if f.last().is_some_and(|s| s == "self") {
                f.pop();
            }
            if let Some(last) = f.last().cloned() {
                names.insert((u.module.clone(), u.alias.clone().unwrap_or(last)), Some(f));
            }
        }
        (k.names, k.globs) = (names, globs);
        k
    }

    /// Path from the root of `segs` written in `cur`; None: extern crate or local name.
    fn absolute(&self, cur: &ModPath, segs: &[String]) -> Option<ModPath> {
        let (head, rest) = segs.split_first()?;
        let mut base = cur.clone();
        match head.as_str() {
            "crate" | "$crate" => return Some(rest.to_vec()),
            "self" => base.extend_from_slice(rest),
            "super" => {
                let ups = segs.iter().take_while(|s| *s == "super").count();
                for _ in 0..ups {
                    base.pop()?;
                }
                base.extend(segs.iter().skip(ups).cloned());
            }
            _ => {
                let c = child(cur, head);
                if !self.modules.contains(&c) && !self.test_only.contains(&c) {
                    return None;
                }
                base.extend_from_slice(segs);
            }
        }
        Some(base)
    }

    /// Path from the root of an inline path (relative ones: child module or imported name).
    fn full_ref(&self, r: &Ref) -> Option<ModPath> {
        let head = r.segs.first()?;
        if HEADS.contains(&head.as_str()) {
            return self.absolute(&r.module, &r.segs);
        }
        if self.modules.contains(&child(&r.module, head)) {
            return Some([r.module.as_slice(), &r.segs].concat());
        }
        let key = (r.module.clone(), head.clone());
        let t = self.names.get(&key)?.as_ref()?;
        Some([t.as_slice(), r.segs.get(1..).unwrap_or_default()].concat())
    }

    /// Names module `m` makes visible (for glob imports).
    fn visible(&self, m: &ModPath, seen: &mut HashSet<ModPath>) -> HashSet<String> {
        if !seen.insert(m.clone()) {
            return HashSet::new();
        }
        let named = self.items.iter().chain(self.names.keys());
        let own = named.filter(|(md, _)| md == m);
        let mut out: HashSet<_> = own.map(|(_, s)| s.clone()).collect();
        let kid = |c: &&ModPath| c.len() == m.len() + 1 && c.starts_with(m);
        let kids = self.modules.iter().filter(kid);
        out.extend(kids.filter_map(|c| c.last().cloned()));
        for (_, g) in self.globs.iter().filter(|(md, _)| md == m) {
            out.extend(self.visible(g, seen));
        }
        out
    }

    /// The module a path from the root points into; None: external or test-only.
    fn resolve(&self, full: &[String], hops: usize) -> Option<ModPath> {
        let mut m: ModPath = vec![];
        for (i, s) in full.iter().enumerate() {
            let next = child(&m, s);
            if self.modules.contains(&next) {
                m = next;
                continue;
            }
            if self.test_only.contains(&next) {
                return None;
            }
            let key = (m.clone(), s.clone());
            if self.items.contains(&key) {
                return Some(m);
            }
            let rest = full.get(i + 1..).unwrap_or_default();
            match self.names.get(&key) {
                Some(None) if m.is_empty() => return None,
                Some(Some(t)) if *t != next && hops < 16 => {
                    return self.resolve(&[t.as_slice(), rest].concat(), hops + 1);
                }
                Some(_) => return Some(m),
                None => {}
            }
            for (_, g) in self.globs.iter().filter(|(md, _)| *md == m) {
                if hops < 16 && *g != m && self.visible(g, &mut HashSet::new()).contains(s) {
                    let from_i = full.get(i..).unwrap_or_default();
                    return self.resolve(&[g.as_slice(), from_i].concat(), hops + 1);
                }
            }
            return (!m.is_empty()).then_some(m);
        }
        Some(m)
    }

    fn graph(&self) -> Edges {
        let mut edges = Edges::new();
        let refs = self.refs.iter().map(|r| (r, self.full_ref(r)));
        let uses = self.uses.iter();
        let uses = uses.map(|u| (u, self.absolute(&u.module, &u.segs)));
        for (r, full) in refs.chain(uses) {
            let Some(mut full) = full else { continue };
            if full.last().is_some_and(|s| s == "self") {
                full.pop();
            }
            let Some(m) = self.resolve(&full, 0) else {
                continue;
            };
            let (a, b) = (node(&r.module), node(&m));
            if !a.is_empty() && !b.is_empty() && a != b {
                let at = edges.entry((a, b)).or_default();
                at.push((r.file.clone(), r.line));
            }
        }
        edges.values_mut().for_each(|refs| refs.sort());
        edges
    }
}

/// Strongly connected components of more than one node (mutual reachability).
fn circles(edges: &Edges) -> Vec<Vec<String>> {
    let mut adj: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        adj.entry(a).or_default().push(b);
    }
    let mut reach: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &v in adj.keys() {
        let (mut seen, mut todo) = (BTreeSet::new(), vec![v]);
        while let Some(x) = todo.pop() {
            let next = adj.get(x).into_iter().flatten();
            todo.extend(next.filter(|w| seen.insert(**w)));
        }
        reach.insert(v, seen);
    }
    let back = |v: &str, w: &str| reach.get(w).is_some_and(|r| r.contains(v));
    let mut comps = BTreeSet::new();
    for (v, r) in &reach {
        let comp: Vec<String> = r
            .iter()
            .filter(|w| back(v, w))
            .map(|w| w.to_string())
            .collect();
        if comp.len() > 1 {
            comps.insert(comp);
        }
    }
    let mut out: Vec<_> = comps.into_iter().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

/// Non-blank lines of `file` outside `#[cfg(test)]` items (0 for a `#![cfg(test)]` file).
fn code_lines(file: &Path) -> Result<usize, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let f = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    if cfg_off(&f.attrs) {
        return Ok(0);
    }
    let mut k = Crate::default();
    let mut w = Walker::new(&mut k, file, file.to_path_buf(), false);
    f.items.iter().for_each(|it| w.visit_item(it));
    let in_test = |n: usize| w.off.iter().any(|&(a, b)| (a..=b).contains(&n));
    let lines = text.lines().enumerate();
    let code = lines.filter(|(i, l)| !l.trim().is_empty() && !in_test(i + 1));
    Ok(code.count())
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).into_iter().flatten().flatten();
    let mut entries: Vec<PathBuf> = entries.map(|e| e.path()).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            rs_files(&e, out);
        } else if e.extension().is_some_and(|x| x == "rs") {
            out.push(e);
        }
    }
}

fn root() -> PathBuf {
    let var = std::env::var_os("MODULE_GRAPH_ROOT");
    var.map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

#[test]
fn no_module_cycles() {
    let root = root();
    let src = root.join("src");
    assert!(
        src.join("lib.rs").is_file(),
        "no lib.rs in {}",
        src.display()
    );
    let krate = Crate::load(&root);
    let errors = krate.errors.join("\n");
    assert!(errors.is_empty(), "unreadable:\n{errors}");
    let edges = krate.graph();
    let first = |refs: &[(String, usize)]| {
        let s = if refs.len() == 1 { "" } else { "s" };
        format!("{}:{} ({} ref{s})", refs[0].0, refs[0].1, refs.len())
    };
    if std::env::var_os("MODULE_GRAPH_EDGES").is_some() {
        for ((a, b), refs) in &edges {
            eprintln!("edge {a} -> {b}  {}", first(refs));
        }
    }
    let found = circles(&edges);
    let mut report = String::new();
    for (i, comp) in found.iter().enumerate() {
        let (n, list) = (found.len(), comp.join(", "));
        report += &format!("module cycle {} of {n}: {list}\n", i + 1);
        for ((a, b), refs) in &edges {
            if comp.contains(a) && comp.contains(b) {
                report += &format!("  {a} -> {b}  {}\n", first(refs));
            }
        }
    }
    let nodes: BTreeSet<String> = krate.modules.iter().map(|m| node(m)).collect();
    let (n, e, c) = (nodes.len(), edges.len(), found.len());
    let src = src.display();
    println!("module graph of {src} (depth {DEPTH}): {n} modules, {e} edges, {c} cycles");
    assert!(found.is_empty(), "\n{report}module cycles found: {c}");
}

#[test]
fn no_oversized_files() {
    let root = root();
    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    let mut over = Vec::new();
    for f in &files {
        let n = code_lines(f).unwrap();
        if n > MAX_LINES {
            let rel = f.strip_prefix(&root).unwrap().display();
            over.push(format!("  {rel}: {n} lines"));
        }
    }
    let (n, o) = (files.len(), over.len());
    let (src, list) = (root.join("src"), over.join("\n"));
    println!(
        "{n} files under {}, {o} over {MAX_LINES} lines",
        src.display()
    );
    assert!(
        over.is_empty(),
        "\nover {MAX_LINES} lines outside tests:\n{list}"
    );
}
