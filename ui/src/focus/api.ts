// The focus page's documents: the task (by its global id) and recording a session that ran to its end (focus.graphqls).
import { graphql } from '../graphql/generated';

export const FOCUS_TASK = graphql(`
  query FocusTask($id: ID!) {
    node(id: $id) {
      ... on Task { ...TaskFields }
    }
  }
`);

export const RECORD_FOCUS_SESSION = graphql(`
  mutation RecordFocusSession($input: RecordFocusSessionInput!) {
    recordFocusSession(input: $input) {
      focusSession { minutes endedAt }
      userErrors { field message code }
    }
  }
`);
