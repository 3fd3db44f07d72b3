// Stylesheets are imported for their side effect by the entry; Vite emits them as files (the CSP forbids inline).
declare module '*.css';
