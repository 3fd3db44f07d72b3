import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/log.css';
import './styles/detail.css';
import './styles/pages.css';
import { connect } from './api';
import { App } from './app/App';
import { NotConnected } from './app/NotConnected';
import { createStores } from './stores';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const connection = connect();
createRoot(root).render(
  <StrictMode>
    {connection
      ? <App stores={createStores(connection.api, connection.files)} desktop={connection.desktop} />
      : <NotConnected />}
  </StrictMode>,
);
