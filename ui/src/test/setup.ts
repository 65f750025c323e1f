import { configure } from '@testing-library/dom';

// waitFor/findBy wait on a condition, never a fixed time: their deadline only decides when a test gives up. The default
// (1 s) is shorter than a busy 2-core CI machine sometimes needs to render a page, so the deadline is generous.
configure({ asyncUtilTimeout: 5000 });
