/*
 * How the extension shows and orders what the server sends, so that the speakers view, the pickers
 * and the server's own messages read the same: the service's own helpers, which are pure leaves of
 * its `util/` (no parser comes with them).
 */

export { countOf, describeSentimentCounts, describeTalkTime, polarityMark } from '../server/src/service/util/format';
export { describeTime } from '../server/src/service/util/timestampFormat';
export { comparePositions } from '../server/src/service/util/text';
