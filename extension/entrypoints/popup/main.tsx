import { render } from 'preact';

render(<p>Utförarkollen</p>, document.getElementById('app')!);
