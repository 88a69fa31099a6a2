<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>ImportWizard</source>
        <comment>Read as: %1</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ImportWizard</source>
        <comment>%1: %2 to create, %3 to update, %4 unchanged, %5 rejected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ImportWizard</source>
        <comment>%1: %2 created, %3 updated, %4 unchanged, %5 rejected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ImportWizard</source>
        <comment>Blank rows skipped: %1; total and footer rows skipped: %2</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>No renewal</source>
        <translation>Sin renovación</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>vencida hace 1 día</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>vencida hace %1 días</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>en 1 día</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>en %1 días</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>← Back to portfolio</source>
        <translation>← Volver a la cartera</translation>
    </message>
    <message>
        <source>Export QBR…</source>
        <translation>Exportar QBR…</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>Crono&amp;logía</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contactos</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tareas</translation>
    </message>
    <message>
        <source>&amp;Success plan</source>
        <translation>Plan de é&amp;xito</translation>
    </message>
    <message>
        <source>&amp;Renewal and expansion</source>
        <translation>Reno&amp;vación y expansión</translation>
    </message>
    <message>
        <source>&amp;Advocacy</source>
        <translation>&amp;Advocacy</translation>
    </message>
    <message>
        <source>Su&amp;pport and churn</source>
        <translation>S&amp;oporte y churn</translation>
    </message>
    <message>
        <source>&amp;Health</source>
        <translation>&amp;Health score</translation>
    </message>
    <message>
        <source>Loading account…</source>
        <translation>Cargando la cuenta…</translation>
    </message>
    <message>
        <source>The account could not be loaded: %1</source>
        <translation>No se ha podido cargar la cuenta: %1</translation>
    </message>
    <message>
        <source>Health score, weekly</source>
        <translation>Health score semanal</translation>
    </message>
    <message>
        <source>No health snapshots yet</source>
        <translation>Todavía no hay health score calculado</translation>
    </message>
    <message>
        <source>Product usage per week</source>
        <translation>Uso del producto por semana</translation>
    </message>
    <message>
        <source>Feature events</source>
        <translation>Eventos de funcionalidades</translation>
    </message>
    <message>
        <source>No usage recorded</source>
        <translation>No hay uso registrado</translation>
    </message>
</context>
<context>
    <name>AdvocacyTab</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocacy type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocacy status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, e.g. where the review was posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocacy notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BacktestView</name>
    <message>
        <source>Run backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use suggested weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores each account every few weeks and checks whether low scores came before churn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed by churn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift, lowest 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score every (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtesting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtesting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough churn history to measure the score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scores, %2 followed by churn within %3 days. ROC AUC %4: the chance that an account which churned had the lower score (0.5 is a coin toss, 1 is perfect). The lowest-scored 10% churned %5 times as often as average.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this data the score barely separates churned from retained accounts; treat its colours as a prompt to look, not a forecast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backtest failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is made every day you use the app and before every update. The oldest are deleted beyond the number you keep; the newest backup made before an update is always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored. CSM Desktop closes now; start it again to see the restored data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data from before the restore is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your current data with this backup? Changes made since it was taken are set aside in a new backup, not lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>Exporting {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch export finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export QBRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal version (adds risk, ARR, forecast and internal notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message numerus="yes">
        <source>Export %n QBR(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File names follow the pattern %1 (Settings › Reports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the QBRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 does not exist; choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting QBRs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n QBR(s) written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>These accounts failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceMenuButton</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{app}: portfolio, health score, call notes and QBR PDFs for CSMs. Without a command, the desktop app starts.</source>
        <translation>{app}: cartera, health score, notas de llamadas y QBR en PDF para CSM. Sin comando, se abre la aplicación de escritorio.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 failure (reason on stderr), 2 invalid usage.</source>
        <translation>Códigos de salida: 0 correcto, 1 error (motivo en stderr), 2 uso incorrecto.</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>muestra el número de versión y sale</translation>
    </message>
    <message>
        <source>database file to use (created if missing); default: portfolio.sqlite in the user data folder, or demo.sqlite there with --demo</source>
        <translation>archivo de base de datos que se usa (se crea si no existe); por defecto: portfolio.sqlite en la carpeta de datos del usuario, o demo.sqlite en esa carpeta con --demo</translation>
    </message>
    <message>
        <source>use the demo database, loading the bundled RavenStack portfolio if it is empty</source>
        <translation>usa la base de datos de demostración y carga la cartera RavenStack incluida si está vacía</translation>
    </message>
    <message>
        <source>print debug messages on stderr</source>
        <translation>muestra mensajes de depuración en stderr</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrumpido.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelado; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>start the desktop app (the default)</source>
        <translation>abre la aplicación de escritorio (opción por defecto)</translation>
    </message>
    <message>
        <source>import the bundled RavenStack demo portfolio and compute health</source>
        <translation>importa la cartera de demostración RavenStack incluida y calcula el health score</translation>
    </message>
    <message>
        <source>export a Quarterly Business Review PDF, or one per account into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account name, CRM id or UUID</source>
        <translation>nombre de la cuenta, id del CRM o UUID</translation>
    </message>
    <message>
        <source>export one QBR per account (see --filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar quarter, e.g. 2024Q4</source>
        <translation>trimestre natural, p. ej. 2024Q4</translation>
    </message>
    <message>
        <source>PDF to write (with --account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder for the PDFs (with --all); names follow the file-name pattern in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with --all, only accounts whose name has TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export the internal version (adds ARR, forecast, risk and internal notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated sections to include (default: all); e.g. summary,health,usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export a coordinator&apos;s report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR by health, renewals by quarter, attention list, per-CSM roll-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF to write</source>
        <translation>PDF que se genera</translation>
    </message>
    <message>
        <source>only accounts whose name contains TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language and formats of the PDF, e.g. es_ES or en_US</source>
        <translation>idioma y formatos del PDF, p. ej. es_ES o en_US</translation>
    </message>
    <message>
        <source>paper size (default: the report settings, else Letter in US/CA locales, A4 elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the portfolio as tab-separated text</source>
        <translation>lista la cartera como texto separado por tabuladores</translation>
    </message>
    <message>
        <source>keep accounts whose name contains TEXT</source>
        <translation>muestra solo las cuentas cuyo nombre contiene TEXT</translation>
    </message>
    <message>
        <source>Demo data: {credit}.</source>
        <translation>Datos de demostración: {credit}.</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y sale</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}: error: {message}</translation>
    </message>
    <message>
        <source>create, list or restore backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then delete all but the newest N backups (default: the app&apos;s setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace the database with a backup (the current file is backed up first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup file, or &apos;newest&apos; for the newest sound backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the database file with SQLite&apos;s quick_check, without changing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erase a contact&apos;s name, email, phone and survey comments on request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact UUID, or an email or name matching one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync with the team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect to a team server; reads the access token from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server URL (https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync once now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show pending changes and conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token on standard input; pipe the token in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to {url} as {email} ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed: {pushed}. Pulled: {pulled} changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected change {seq}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>Elegir columnas</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Restablecer columnas</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
    <message>
        <source>Type an account, contact, note or command</source>
        <translation>Escribe una cuenta, un contacto, una nota o un comando</translation>
    </message>
    <message>
        <source>Search everywhere</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>↑ ↓ to choose, Enter to open, Esc to close</source>
        <translation>↑ ↓ para elegir, Intro para abrir, Esc para cerrar</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La búsqueda ha fallado: %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Comando: %1</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Contacted &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>CSM Desktop: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside CSM Desktop. Your saved data is safe: every change is stored when you make it, and unfinished changes were undone.

Please copy the report below and send it to your support contact. Stored credentials are removed from it; read it before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoImport</name>
    <message>
        <source>Importing the demo portfolio…</source>
        <translation>Importando la cartera de demostración…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything (JSON archive, imports back losslessly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a byte order mark so Excel on Windows shows accents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV or other delimited text, Excel (.xlsx) or a JSON list of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>None: suggest from the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source system:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved mapping for this report was found and applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralSettingsPage</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Cartera</translation>
    </message>
    <message>
        <source>The screen open at the last exit</source>
        <translation>La pantalla abierta al salir la última vez</translation>
    </message>
    <message>
        <source>Start screen</source>
        <translation>Pantalla de inicio</translation>
    </message>
    <message>
        <source>&amp;Start screen:</source>
        <translation>&amp;Pantalla de inicio:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Untouched after days</source>
        <translation>Días sin contacto</translation>
    </message>
    <message>
        <source>List accounts &amp;not touched in:</source>
        <translation>Mostrar cuentas sin &amp;contacto en:</translation>
    </message>
    <message>
        <source>Snooze alerts for days</source>
        <translation>Días que se posponen las alertas</translation>
    </message>
    <message>
        <source>S&amp;nooze alerts for:</source>
        <translation>Pos&amp;poner alertas durante:</translation>
    </message>
    <message>
        <source>Internal notes do not count as touching an account.</source>
        <translation>Las notas internas no cuentan como contacto con la cuenta.</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective, e.g. 80 % of seats active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Amarillo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Insufficient data</source>
        <translation>Datos insuficientes</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Desactualizado</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Sin puntuación</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>mejorando</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>estable</translation>
    </message>
    <message>
        <source>declining</source>
        <translation>empeorando</translation>
    </message>
</context>
<context>
    <name>HealthAlert</name>
    <message>
        <source>{0}: the health score went stale (no recent data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: health changed from {1} to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: product usage fell {1}% in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: a detractor NPS answer ({1} of 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: red health with a renewal on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthBadge</name>
    <message>
        <source>Health %1 · %2</source>
        <translation>Health score %1 · %2</translation>
    </message>
    <message>
        <source>%1 ✎ overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSM overrode the computed score.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthChange</name>
    <message>
        <source>No score to compare with on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the same score as on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up {0} points since {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down {0} points since {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthMeasure</name>
    <message>
        <source>Usage trend (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage trend (90 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adoption breadth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement recency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onboarding progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Set override…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Loading health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health snapshots yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · coverage %3 · as of %4 · profile %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: the newest data for this score is from %1, older than its validity period. The score is shown grey, never green, until fresh data arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No override: the computed score is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden to %1 by %2 on %3: “%4”. Computed score underneath: %5 (%6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Desactualizado</translation>
    </message>
    <message>
        <source>Health score over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health snapshots yet</source>
        <translation>Todavía no hay health score calculado</translation>
    </message>
    <message>
        <source>Override not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions and renewals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey responses (NPS, CSAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tickets</source>
        <translation>Tickets de soporte</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn events</source>
        <translation>Eventos de churn</translation>
    </message>
    <message>
        <source>Activities and call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (normalised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical bar (|)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executive sponsor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Willing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The new language applies after restarting CSM Desktop. Numbers, dates and amounts follow it too, for example 1.234,56 € and 31/12/2026 in Spanish.</source>
        <translation>El nuevo idioma se aplica al volver a abrir CSM Desktop. Los números, fechas e importes también lo siguen, por ejemplo 1.234,56 € y 31/12/2026 en español.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
</context>
<context>
    <name>LazyChart</name>
    <message>
        <source>Loading chart…</source>
        <translation>Cargando gráfico…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport data…</source>
        <translation>E&amp;xportar datos…</translation>
    </message>
    <message>
        <source>Import &amp;demo data…</source>
        <translation>Importar datos de &amp;demostración…</translation>
    </message>
    <message>
        <source>&amp;Export QBR…</source>
        <translation>&amp;Exportar QBR…</translation>
    </message>
    <message>
        <source>Export QBRs for this &amp;view…</source>
        <translation>Exportar QBR de esta &amp;vista…</translation>
    </message>
    <message>
        <source>Export view to &amp;CSV…</source>
        <translation>Exportar la vista a &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Filter portfolio</source>
        <translation>&amp;Filtrar la cartera</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Go &amp;to…</source>
        <translation>Ir &amp;a…</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>&amp;Cartera</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>C&amp;uenta</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>A&amp;trás</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Acerca de %1</translation>
    </message>
    <message>
        <source>Select an account first, then export its QBR.</source>
        <translation>Selecciona primero una cuenta y después exporta su QBR.</translation>
    </message>
    <message>
        <source>The demo data could not be imported: %1</source>
        <translation>No se han podido importar los datos de demostración: %1</translation>
    </message>
    <message>
        <source>%1 %2

An offline workspace for Customer Success Managers: portfolio, health scores, call notes and QBR reports.

Press Ctrl+K to go anywhere.</source>
        <translation>%1 %2

Un espacio de trabajo sin conexión para Customer Success Managers: cartera, health scores, notas de llamadas e informes QBR.

Pulsa Ctrl+K para ir a cualquier sitio.</translation>
    </message>
    <message>
        <source>%1 background tasks are still running. Cancel them and quit?</source>
        <translation>Todavía hay %1 tareas en segundo plano. ¿Cancelarlas y salir?</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Datos a %1</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 cuentas</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested from the header names; fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or a fixed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create accounts the file names but the app lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest from the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match stored accounts on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account column holds the account&apos;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>Nombres, separados por comas</translation>
    </message>
    <message>
        <source>Two or three sentences for the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One decision per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step per line; each can become a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and create tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note and make one task per next step (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>D&amp;ecisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered an unsaved draft from %1 %2. Finish it, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>No se ha podido guardar la nota: %1</translation>
    </message>
</context>
<context>
    <name>NoteKind</name>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>QBR</source>
        <translation>QBR</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Hito</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <source>No notes yet. Write the first one on the right.</source>
        <translation>Todavía no hay notas. Escribe la primera a la derecha.</translation>
    </message>
    <message>
        <source>Next steps: %1</source>
        <translation>Próximos pasos: %1</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the computed score wrong? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reason: it is shown with the override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the person setting the override.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (champions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Playbooks</name>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Prepare the renewal from four months before the renewal date.</source>
        <translation>Prepara la renovación desde cuatro meses antes de la fecha de renovación.</translation>
    </message>
    <message>
        <source>Review health, usage and open risks</source>
        <translation>Revisar health score, uso y riesgos abiertos</translation>
    </message>
    <message>
        <source>Document the value delivered</source>
        <translation>Documentar el valor aportado</translation>
    </message>
    <message>
        <source>Confirm the economic buyer and budget</source>
        <translation>Confirmar el decisor económico y el presupuesto</translation>
    </message>
    <message>
        <source>Hold the renewal QBR</source>
        <translation>Hacer la QBR de renovación</translation>
    </message>
    <message>
        <source>Send the renewal proposal</source>
        <translation>Enviar la propuesta de renovación</translation>
    </message>
    <message>
        <source>Resolve open commercial questions</source>
        <translation>Resolver las cuestiones comerciales pendientes</translation>
    </message>
    <message>
        <source>Confirm the signed renewal</source>
        <translation>Confirmar la renovación firmada</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>First 90 days after the contract starts.</source>
        <translation>Primeros 90 días desde el inicio del contrato.</translation>
    </message>
    <message>
        <source>Kick-off call and success plan goals</source>
        <translation>Llamada de kick-off y objetivos del plan de éxito</translation>
    </message>
    <message>
        <source>Technical set-up and admin training</source>
        <translation>Configuración técnica y formación de administradores</translation>
    </message>
    <message>
        <source>Check first-month adoption</source>
        <translation>Revisar la adopción del primer mes</translation>
    </message>
    <message>
        <source>Review goals with the sponsor</source>
        <translation>Revisar los objetivos con el sponsor</translation>
    </message>
    <message>
        <source>Close onboarding, move to adoption</source>
        <translation>Cerrar el onboarding y pasar a adopción</translation>
    </message>
    <message>
        <source>Risk recovery</source>
        <translation>Recuperación de riesgo</translation>
    </message>
    <message>
        <source>Steps for an account that turned red, starting today.</source>
        <translation>Pasos para una cuenta que ha pasado a rojo, desde hoy.</translation>
    </message>
    <message>
        <source>Call the champion to understand the risk</source>
        <translation>Llamar al champion para entender el riesgo</translation>
    </message>
    <message>
        <source>Agree a recovery plan with the customer</source>
        <translation>Acordar un plan de recuperación con el cliente</translation>
    </message>
    <message>
        <source>Escalate to the executive sponsor if needed</source>
        <translation>Escalar al sponsor ejecutivo si hace falta</translation>
    </message>
    <message>
        <source>Check usage and health after the plan</source>
        <translation>Revisar uso y health score tras el plan</translation>
    </message>
    <message>
        <source>Playbook: %1</source>
        <translation>Playbook: %1</translation>
    </message>
    <message>
        <source>(planned for %1, already past)</source>
        <translation>(previsto para el %1, ya pasado)</translation>
    </message>
</context>
<context>
    <name>Portfolio</name>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adopción</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Crecimiento</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Churn</translation>
    </message>
</context>
<context>
    <name>PortfolioFilterBar</name>
    <message>
        <source>Filter by name, owner, industry, segment or tag (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Health score:</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Renewal window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal: any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Within 30 days</source>
        <translation>En 30 días o menos</translation>
    </message>
    <message>
        <source>Within 60 days</source>
        <translation>En 60 días o menos</translation>
    </message>
    <message>
        <source>Within 90 days</source>
        <translation>En 90 días o menos</translation>
    </message>
    <message>
        <source>Within 180 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Days to renewal</source>
        <translation>Días hasta la renovación</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health score</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Etapa del ciclo de vida</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Portfolio summary</source>
        <translation>Resumen de la cartera</translation>
    </message>
    <message>
        <source>The portfolio could not be loaded: %1</source>
        <translation>No se ha podido cargar la cartera: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 accounts · Total ARR %3</source>
        <translation>Mostrando %1 de %2 cuentas · ARR total %3</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Export QBR…</source>
        <translation>Exportar QBR…</translation>
    </message>
    <message>
        <source>Export QBRs for this view…</source>
        <translation>Exportar QBR de esta vista…</translation>
    </message>
    <message>
        <source>Export view to CSV…</source>
        <translation>Exportar la vista a CSV…</translation>
    </message>
    <message>
        <source>The view shows no accounts.</source>
        <translation>La vista no muestra ninguna cuenta.</translation>
    </message>
    <message>
        <source>Batch QBR export is not available in this version.</source>
        <translation>La exportación de QBR por lotes no está disponible en esta versión.</translation>
    </message>
    <message>
        <source>Export view to CSV</source>
        <translation>Exportar la vista a CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %1 accounts…</source>
        <translation>Exportando %1 cuentas…</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>The CSV file could not be written: %1</source>
        <translation>No se ha podido escribir el archivo CSV: %1</translation>
    </message>
</context>
<context>
    <name>PortfolioReport</name>
    <message>
        <source>Reading the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the PDF</source>
        <translation>Maquetando el PDF</translation>
    </message>
    <message>
        <source>Portfolio report as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR by health, renewals and accounts needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio report · internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>sin puntuación</translation>
    </message>
    <message>
        <source>Portfolio report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {date} · {count} accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared on {date}</source>
        <translation>Preparado el {date}</translation>
    </message>
    <message>
        <source>ARR by health colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portfolio has no accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At-risk ARR (red, or yellow and declining)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts by health colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} accounts bill in another currency and are left out of the ARR totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR renewing by quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewals by quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Health movement over 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: colour about 90 days earlier. Columns: colour now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before \ now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red, or yellow and declining, or renewing within 90 days without green health. Largest ARR first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health score</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Roll-up by CSM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account has an owner CSM, so there is no roll-up by CSM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At-risk ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title rows skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Erased contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QbrDialog</name>
    <message>
        <source>Export QBR</source>
        <translation>Exportar QBR</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Export and open</source>
        <translation>Exportar y abrir</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Save QBR as</source>
        <translation>Guardar la QBR como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file to save the QBR to.</source>
        <translation>Elige el archivo donde guardar la QBR.</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Elige al menos una sección.</translation>
    </message>
    <message>
        <source>Exporting QBR…</source>
        <translation>Exportando la QBR…</translation>
    </message>
    <message>
        <source>The QBR could not be exported: %1</source>
        <translation>No se ha podido exportar la QBR: %1</translation>
    </message>
</context>
<context>
    <name>QbrDrafts</name>
    <message>
        <source>Executive summary</source>
        <translation>Resumen ejecutivo</translation>
    </message>
    <message>
        <source>Account health</source>
        <translation>Salud de la cuenta</translation>
    </message>
    <message>
        <source>Usage and adoption</source>
        <translation>Uso y adopción</translation>
    </message>
    <message>
        <source>Goals: planned and achieved</source>
        <translation>Objetivos: previstos y conseguidos</translation>
    </message>
    <message>
        <source>Support summary</source>
        <translation>Resumen de soporte</translation>
    </message>
    <message>
        <source>NPS and satisfaction</source>
        <translation>NPS y satisfacción</translation>
    </message>
    <message>
        <source>Value delivered</source>
        <translation>Valor aportado</translation>
    </message>
    <message>
        <source>Renewal and commercial overview</source>
        <translation>Renovación y visión comercial</translation>
    </message>
    <message>
        <source>Recommendations and next-quarter plan</source>
        <translation>Recomendaciones y plan del próximo trimestre</translation>
    </message>
    <message>
        <source>Plan for next quarter</source>
        <translation>Plan para el próximo trimestre</translation>
    </message>
    <message>
        <source>Meetings and notes</source>
        <translation>Reuniones y notas</translation>
    </message>
    <message>
        <source>Internal: risk, ARR and forecast</source>
        <translation>Interno: riesgo, ARR y previsión</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <source>Health moved from {start} to {end} over the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health stood at {end} at the end of the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product use rose {percent} over the previous quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product use fell {percent} against the previous quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product use held steady against the previous quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users rose {percent} over the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users fell {percent} over the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users held steady over the quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{achieved} of {planned} goals due this quarter were achieved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} support tickets were opened; {open} remain open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Net Promoter Score was {nps} from {count} responses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter has little recorded activity to summarise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Achieved: {objective}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- {count} feature events across {features} features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- {count} support tickets resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcomes were recorded for this quarter yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Review the drop in product use together and agree on actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Run an enablement session on features the team has not used yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Invite the licensed users who have not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Follow up on the concerns raised in the latest surveys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Close out the support tickets that are still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Agree on a new plan for: {objective}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Keep the current cadence and set goals for the next quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- {objective} (due {due})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- Next business review: Q{number} {year}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QbrPreviewPanel</name>
    <message>
        <source>Customer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal version (adds risk, ARR, forecast and internal notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One paragraph per line; start a line with - for a bullet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite from data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QbrReport</name>
    <message>
        <source>Q{number} {year} ({start} – {end})</source>
        <translation>T{number} {year} ({start} – {end})</translation>
    </message>
    <message>
        <source>Q{number} {year}</source>
        <translation>T{number} {year}</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rojo</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>amarillo</translation>
    </message>
    <message>
        <source>green</source>
        <translation>verde</translation>
    </message>
    <message>
        <source>insufficient data</source>
        <translation>datos insuficientes</translation>
    </message>
    <message>
        <source>stale data</source>
        <translation>datos desactualizados</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Business review</source>
        <translation>Revisión de negocio</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Hito</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health is red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health fell by 5 points or more over the quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature use fell by 20% or more against the previous quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS detractors this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated support tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal within 90 days of the quarter&apos;s end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has churned before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Página {page} de {total}</translation>
    </message>
    <message>
        <source>Reading account data</source>
        <translation>Leyendo los datos de la cuenta</translation>
    </message>
    <message>
        <source>Drawing the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the PDF</source>
        <translation>Maquetando el PDF</translation>
    </message>
    <message>
        <source>Quarterly Business Review</source>
        <translation>Quarterly Business Review (QBR)</translation>
    </message>
    <message>
        <source>Quarterly Business Review · internal, do not share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health, usage, goals, support and feedback of {name} for {quarter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF fonts have no glyph for these characters, so they will not print: {chars}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score by measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <source>Health score over time (dashed line: start of the quarter)</source>
        <translation>Evolución del health score (línea discontinua: inicio del trimestre)</translation>
    </message>
    <message>
        <source>Feature events per week: {previous} (light) and {current}</source>
        <translation>Eventos de funcionalidades por semana: {previous} (claro) y {current}</translation>
    </message>
    <message>
        <source>Quarterly Business Review: {name}, {quarter}</source>
        <translation>QBR: {name}, {quarter}</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Annual recurring revenue</source>
        <translation>Ingresos recurrentes anuales (ARR)</translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Fecha de renovación</translation>
    </message>
    <message>
        <source>Prepared by {name}</source>
        <translation>Preparado por {name}</translation>
    </message>
    <message>
        <source>Prepared on {date}</source>
        <translation>Preparado el {date}</translation>
    </message>
    <message>
        <source>Quarterly Business Review: internal version, do not share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{achieved} of {planned}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health at quarter end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product use vs previous quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net Promoter Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health scores were recorded for this account up to {date}.</source>
        <translation>No hay health scores de esta cuenta hasta el {date}.</translation>
    </message>
    <message>
        <source>Quarter start</source>
        <translation>Inicio del trimestre</translation>
    </message>
    <message>
        <source>Quarter end</source>
        <translation>Fin del trimestre</translation>
    </message>
    <message>
        <source>Breakdown by measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measure breakdown is available for this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score of {date}, from {used} of {total} measures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score yet</source>
        <translation>Todavía sin puntuación</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>sin puntuación</translation>
    </message>
    <message>
        <source>{score} ({colour}) on {date}</source>
        <translation>{score} ({colour}) el {date}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean daily active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean daily active users, previous quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features used (of {available} in use across customers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features used, previous quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adopción</translation>
    </message>
    <message>
        <source>No product usage was recorded in {quarter}.</source>
        <translation>No se registró uso del producto en {quarter}.</translation>
    </message>
    <message>
        <source>The previous quarter had {count} feature events.</source>
        <translation>El trimestre anterior tuvo {count} eventos de funcionalidades.</translation>
    </message>
    <message>
        <source>no usage in the previous quarter</source>
        <translation>sin uso en el trimestre anterior</translation>
    </message>
    <message>
        <source>Feature events this quarter</source>
        <translation>Eventos de funcionalidades este trimestre</translation>
    </message>
    <message>
        <source>Feature events previous quarter</source>
        <translation>Eventos de funcionalidades el trimestre anterior</translation>
    </message>
    <message>
        <source>Change on previous quarter</source>
        <translation>Variación respecto al trimestre anterior</translation>
    </message>
    <message>
        <source>Most used features</source>
        <translation>Funcionalidades más usadas</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funcionalidad</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>No support tickets were opened in {quarter}.</source>
        <translation>No se abrieron tickets de soporte en {quarter}.</translation>
    </message>
    <message>
        <source>Tickets opened</source>
        <translation>Tickets abiertos</translation>
    </message>
    <message>
        <source>No success-plan goals were recorded for this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{achieved} of {planned} goals due this quarter were achieved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goals fell due this quarter; open goals are listed below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>{status} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Mean time to resolution (hours)</source>
        <translation>Tiempo medio de resolución (horas)</translation>
    </message>
    <message>
        <source>Mean first response (minutes)</source>
        <translation>Tiempo medio de primera respuesta (minutos)</translation>
    </message>
    <message>
        <source>Mean ticket satisfaction (1–5, {count} ratings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NPS or CSAT survey responses were recorded in {quarter}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT ({count} responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT out of {max} ({count} responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS ({count} responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS previous quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{promoters} promoters, {passives} passives and {detractors} detractors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments came with the responses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {score}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalados</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Siguen abiertos</translation>
    </message>
    <message>
        <source>{date} ({days} days after the quarter&apos;s end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (before the quarter&apos;s end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no renewal date recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices issued this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoices were issued this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue at quarter end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes were recorded in {quarter}.</source>
        <translation>No se registraron notas en {quarter}.</translation>
    </message>
    <message>
        <source>Attendees: {names}</source>
        <translation>Asistentes: {names}</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>derived from the health colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSM forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Etapa del ciclo de vida</translation>
    </message>
    <message>
        <source>Forecast category ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrades / downgrades to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk factors this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn history and reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reactivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>churn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No churn events are recorded for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No internal notes were recorded this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly feature events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product usage was recorded this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tickets opened this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Hours to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No support tickets were opened this quarter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health score: a weighted score from 0 to 100 of the measures that have data, shown in green, yellow and red bands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS: share of promoters (9–10) minus share of detractors (0–6), from -100 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat utilisation: mean daily seats used, or active users, divided by licensed seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature events: product events recorded per feature in the usage export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickNote</name>
    <message>
        <source>&amp;Quick note…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickNoteDialog</name>
    <message>
        <source>Quick note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>C&amp;uenta</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Your portfolio file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem found: %1
File moved to: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an empty portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenewalTab</name>
    <message>
        <source>Renewal forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What could stop the renewal, and the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Fecha de renovación</translation>
    </message>
    <message>
        <source>Current ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast &amp;ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast &amp;category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Risk notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;stage of selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an opportunity first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportSettingsPage</name>
    <message>
        <source>The account owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By locale (Letter in the US and Canada, else A4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSM name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: {account}, {quarter}, {version} (customer or internal), {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelado; no se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>SavedViewsBar</name>
    <message>
        <source>&amp;View:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the view (an existing view of that name is replaced):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardEditor</name>
    <message>
        <source>segments or plan tiers, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and recompute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for (days, 0 = always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow from score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green from score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum measures with data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum share of weight with data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale when stale measures carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot every (days, all profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: value:score pairs (0:0, 0.5:40, 1:75) are linear in between; score | edge | score (100 | 1 | 50) are bands, and a value equal to an edge takes the score after it. A score equal to a colour boundary takes the better colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow must start at or below the green boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested weights filled in; preview, then save to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account would change colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts would change colour. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Recomputing health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recomputing health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved and recomputed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Health scorecard</source>
        <translation>Scorecard del health score</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <source>This page could not be opened; the log has the details.</source>
        <translation>No se ha podido abrir esta página; los detalles están en el log.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the task can wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze &amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adopción</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Crecimiento</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Churn</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The file is not a CSM Desktop database or is damaged, for example by a disk error or a sync service copying it mid-write. It was not opened. It was moved aside, unchanged, to %1, so you can send it to support.</source>
        <translation>El archivo no es una base de datos de CSM Desktop o está dañado, por ejemplo por un error de disco o porque un servicio de sincronización lo copió a mitad de escritura. No se ha abierto. Se ha apartado, sin cambios, a %1, para que puedas enviarlo a soporte.</translation>
    </message>
    <message>
        <source>No backup was found. You can start with an empty portfolio.</source>
        <translation>No se ha encontrado ninguna copia de seguridad. Puedes empezar con una cartera vacía.</translation>
    </message>
    <message>
        <source>The newest backup is from %1. Restoring it brings back your data as it was then.</source>
        <translation>La copia de seguridad más reciente es del %1. Al restaurarla, tus datos vuelven a estar como entonces.</translation>
    </message>
    <message>
        <source>CSM Desktop is already open.</source>
        <translation>CSM Desktop ya está abierto.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>No se puede abrir la base de datos.</translation>
    </message>
    <message>
        <source>Every backup tried was damaged too. Contact support with the log file.</source>
        <translation>Todas las copias de seguridad probadas también estaban dañadas. Contacta con soporte y adjunta el archivo de log.</translation>
    </message>
    <message>
        <source>The backup cannot be restored.</source>
        <translation>No se puede restaurar la copia de seguridad.</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;playbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks created from the playbook “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Show entries of type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tickets</source>
        <translation>Tickets de soporte</translation>
    </message>
    <message>
        <source>Churn events</source>
        <translation>Eventos de churn</translation>
    </message>
    <message>
        <source>Search notes (accents optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 notes match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Renewals in the next 90 days</source>
        <translation>Renovaciones en los próximos 90 días</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Overdue and due today</source>
        <translation>Vencidas y para hoy</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Accounts not touched recently</source>
        <translation>Cuentas sin contacto reciente</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>&amp;Changes since:</source>
        <translation>&amp;Cambios desde:</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Cambios desde</translation>
    </message>
    <message>
        <source>Last start</source>
        <translation>Último inicio</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>&amp;Abrir cuenta</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Posponer</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <source>What changed since %1 (%2)</source>
        <translation>Qué ha cambiado desde el %1 (%2)</translation>
    </message>
    <message>
        <source>Renewals in the next 90 days (%1)</source>
        <translation>Renovaciones en los próximos 90 días (%1)</translation>
    </message>
    <message>
        <source>Overdue and due today (%1)</source>
        <translation>Vencidas y para hoy (%1)</translation>
    </message>
    <message>
        <source>Not touched in %1 days (%2)</source>
        <translation>Sin contacto en %1 días (%2)</translation>
    </message>
    <message>
        <source>Health alerts are not available in this version.</source>
        <translation>Las alertas de health score no están disponibles en esta versión.</translation>
    </message>
    <message>
        <source>No new changes. Dismissed and snoozed changes are hidden.</source>
        <translation>No hay cambios nuevos. Los cambios descartados y pospuestos están ocultos.</translation>
    </message>
    <message>
        <source>Today could not be loaded: %1</source>
        <translation>No se ha podido cargar Hoy: %1</translation>
    </message>
</context>
<context>
    <name>ValidatePage</name>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is checked; nothing is written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (31/12/2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (12/31/2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates in %1 (e.g. %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back and choose the survey scale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
</context>
<context>
    <name>self._dialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
</TS>
