import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Opens the menu of the button `trigger` finds, as a mouse does (Radix menus open on the primary button's
 * pointerdown), once the button is ready (a lazily loaded menu stands in as a disabled button), and picks the item
 * named `item`. The menu is rendered apart from the trigger (in a portal), hence found in the whole page.
 */
export async function chooseFromMenu(trigger: () => HTMLElement, item: string): Promise<void> {
  await waitFor(() => expect(trigger().getAttribute('aria-haspopup')).toBe('menu'));
  fireEvent.pointerDown(trigger(), { button: 0, ctrlKey: false, pointerType: 'mouse' });
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}
