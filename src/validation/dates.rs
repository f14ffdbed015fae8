//! The dates of a record (RULES §9, §10): the cell's year, its founding
//! and its as-of date, and what every date of the record must lie in.

use chrono::{Datelike, NaiveDate};

use crate::error::Error;
use crate::model::record::Cell;
use crate::support::calendar::Span;

/// The span the record covers, once the cell's own dates are checked: the
/// as-of date not before the year, the founding not after the as-of date.
pub(super) fn span(cell: &Cell) -> Result<Span, Error> {
    let year = cell.year;
    let span = Span::new(year, cell.founded, cell.as_of).ok_or_else(|| Error::Parse {
        path: "cell.year".to_owned(),
        message: format!("{year} is outside the years this library handles"),
        line: 0,
        column: 0,
    })?;
    // Before 1 January of the year is in an earlier year.
    if let Some(as_of) = cell.as_of
        && as_of.year() < year
    {
        return Err(Error::DateOutsideYear {
            path: "cell.as_of".to_owned(),
            date: as_of,
            year,
        });
    }
    if let Some(founded) = cell.founded
        && founded > span.end
    {
        // Founded in a later year: outside the record's year. Founded in
        // the year but after the as-of date: the record speaks of a cell
        // that did not exist yet.
        return Err(if founded.year() > year {
            Error::DateOutsideYear {
                path: "cell.founded".to_owned(),
                date: founded,
                year,
            }
        } else {
            Error::Contradiction {
                path: "cell.founded".to_owned(),
                reason: "the cell was founded after the record's as-of date",
            }
        });
    }
    Ok(span)
}

/// A date that must lie in the record's year.
pub(super) fn in_year(
    date: NaiveDate,
    year: i32,
    path: impl FnOnce() -> String,
) -> Result<(), Error> {
    if date.year() == year {
        Ok(())
    } else {
        Err(Error::DateOutsideYear {
            path: path(),
            date,
            year,
        })
    }
}
