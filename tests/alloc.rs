//! The allocation budget of `assess` (issue 6): how many times one
//! assessment of the reference record asks the allocator for memory.
//!
//! A count is deterministic, so this is a test; timings are in benches/.

// This test file alone allows unsafe code: a counting allocator must
// implement `GlobalAlloc`, whose methods are `unsafe fn`s with no safe form.
// It only forwards to the system allocator and counts; the library itself
// forbids unsafe code (src/lib.rs).
#![allow(unsafe_code)]
// A test stops at its first surprise.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the allocations (and reallocations) and
/// the frees made on a thread while that thread has counting switched on.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations are counted. `const`-initialized
    /// and without a destructor, so reading it never allocates.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn counting() -> bool {
    COUNTING.try_with(Cell::get).unwrap_or(false)
}

// SAFETY: every method forwards its arguments unchanged to `System`, which
// upholds the `GlobalAlloc` contract; counting touches only atomics and a
// const thread-local, neither of which allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counting() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if counting() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counting() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: `ptr` and `layout` come from this allocator, which got
        // them from `System`; the caller's contract is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counting() {
            FREES.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` with this thread's allocations counted; returns its result and
/// the (allocations, frees) it made.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (a0, f0) = (
        ALLOCATIONS.load(Ordering::SeqCst),
        FREES.load(Ordering::SeqCst),
    );
    COUNTING.with(|c| c.set(true));
    let out = f();
    COUNTING.with(|c| c.set(false));
    let (a1, f1) = (
        ALLOCATIONS.load(Ordering::SeqCst),
        FREES.load(Ordering::SeqCst),
    );
    (out, a1 - a0, f1 - f0)
}

/// The heap buffers an assessment of the reference record owns: the plan's
/// id, the checks and the months. Nothing else in it allocates: the four
/// process findings are held inline (`[Finding; 4]`), no check or finding
/// of that passing year has a `missing` list or a detail, and the
/// assessment's own `missing` is empty.
const OWNED: usize = 3;

/// Scratch that `assess` allocates and frees: none. The absentees resolved
/// against the roster (one list for the whole year, each marked with its
/// meeting) sit in `assess`'s frame up to 32 of them, and the reference
/// record names 7. The reference record's roster is in id order, so it
/// needs no index; its meetings are in date order, so they need no sorted
/// list; its roster has at most 64 members, so the per-member scratch (who
/// was named at a meeting, runs of absences with leave) is on the stack.
const SCRATCH: usize = 0;

/// The budget: one assessment of the reference record allocates exactly
/// this often, however many checks, months and members it has; never once
/// per check, message or member.
const BUDGET: usize = OWNED + SCRATCH;

/// One test in this file: the counter is global, and only this thread
/// switches counting on, so nothing else in the binary can disturb it.
#[test]
fn assess_allocates_within_its_budget() {
    // Parsing allocates plenty; it is done before counting starts.
    let record =
        bontot::json::parse_record(include_str!("../examples/cell-year-2024.json")).unwrap();
    let plan = bontot::Plan::binh_tan_2024();

    let (assessment, allocations, frees) = counted(|| bontot::assess(&plan, &record));
    let assessment = assessment.unwrap();
    assert_eq!(assessment.verdict, bontot::Verdict::Achieved);
    assert_eq!(assessment.checks.len(), 36);
    println!("assess: {allocations} allocations, {frees} frees");
    assert_eq!(allocations, BUDGET, "allocations made by one `assess`");
    assert_eq!(frees, SCRATCH, "scratch freed by `assess` itself");

    // Dropping the assessment frees exactly the buffers it owns.
    let ((), allocations, frees) = counted(|| drop(assessment));
    assert_eq!(
        (allocations, frees),
        (0, OWNED),
        "buffers the assessment owns"
    );
}
