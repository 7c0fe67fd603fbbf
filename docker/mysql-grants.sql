-- Each subgraph creates its own database `shagym_<service>` on first start.
GRANT ALL PRIVILEGES ON `shagym\_%`.* TO 'shagym'@'%';
FLUSH PRIVILEGES;
