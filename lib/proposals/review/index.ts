/** The review a rep confirms before anything is written: its shape, how it is built, edited, and what it will write. */
export * from './types';
export { buildContactReview, buildLeadReview, buildReview } from './build';
export { createInstead, editRow, pickNamedMatch, setCardIncluded, setRowChecked, updateExisting } from './edits';
export { cardBlockers, cardsToCommit, confirmationText, recordValues, reviewBlockers, rowsToWrite } from './blockers';
export { cardsInOrder, cardWrites, isFlagged, leftOutReason, rowsOf } from './layout';
