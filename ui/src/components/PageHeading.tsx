import { forwardRef, type ReactNode } from 'react';

/** The page's h1. It can take focus (tabIndex -1) so that after navigating, screen readers start from it. */
export const PageHeading = forwardRef<HTMLHeadingElement, { children: ReactNode; className?: string }>(
  function PageHeading({ children, className }, ref) {
    return (
      <h1 ref={ref} tabIndex={-1} className={className ? `page-heading ${className}` : 'page-heading'}>
        {children}
      </h1>
    );
  },
);
