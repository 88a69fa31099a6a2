<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_US">
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
        <translation>Advocacy</translation>
    </message>
    <message>
        <source>Advocacy type</source>
        <translation>Tipo de advocacy</translation>
    </message>
    <message>
        <source>Advocacy status</source>
        <translation>Estado de advocacy</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>Notes, e.g. where the review was posted</source>
        <translation>Notas, p. ej. dónde se publicó la reseña</translation>
    </message>
    <message>
        <source>Advocacy notes</source>
        <translation>Notas de advocacy</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Nue&amp;vo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Guar&amp;dar cambios</translation>
    </message>
    <message>
        <source>Select an advocacy record to delete first.</source>
        <translation>Primero selecciona el registro de advocacy que quieres eliminar.</translation>
    </message>
    <message>
        <source>Delete the advocacy record “%1”?</source>
        <translation>¿Eliminar el registro de advocacy «%1»?</translation>
    </message>
    <message>
        <source>Delete advocacy record</source>
        <translation>Eliminar registro de advocacy</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Sin contacto</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>“%1” is not an amount; type it as %2.</source>
        <translation>«%1» no es un importe; escríbelo como %2.</translation>
    </message>
</context>
<context>
    <name>BacktestView</name>
    <message>
        <source>Run backtest</source>
        <translation>Ejecutar backtest</translation>
    </message>
    <message>
        <source>Use suggested weights</source>
        <translation>Usar los pesos sugeridos</translation>
    </message>
    <message>
        <source>Scores each account every few weeks and checks whether low scores came before churn.</source>
        <translation>Puntúa cada cuenta cada pocas semanas y comprueba si las puntuaciones bajas precedieron al churn.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>Followed by churn</source>
        <translation>Seguidas de churn</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>Lift, lowest 10%</source>
        <translation>Lift, 10 % más bajo</translation>
    </message>
    <message>
        <source>Suggested weight</source>
        <translation>Peso sugerido</translation>
    </message>
    <message>
        <source>Churn within (days)</source>
        <translation>Churn en un plazo de (días)</translation>
    </message>
    <message>
        <source>Score every (days)</source>
        <translation>Puntuar cada (días)</translation>
    </message>
    <message>
        <source>Backtesting…</source>
        <translation>Ejecutando el backtest…</translation>
    </message>
    <message>
        <source>Backtesting</source>
        <translation>Backtest</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>Puntuación global</translation>
    </message>
    <message>
        <source>Not enough churn history to measure the score.</source>
        <translation>No hay suficiente historial de churn para evaluar la puntuación.</translation>
    </message>
    <message>
        <source>%1 scores, %2 followed by churn within %3 days. ROC AUC %4: the chance that an account which churned had the lower score (0.5 is a coin toss, 1 is perfect). The lowest-scored 10% churned %5 times as often as average.</source>
        <translation>%1 puntuaciones, %2 seguidas de churn en un plazo de %3 días. ROC AUC %4: probabilidad de que una cuenta que hizo churn tuviera la puntuación más baja (0,5 equivale a lanzar una moneda; 1 es perfecto). El 10 % con menor puntuación hizo churn %5 veces más que la media.</translation>
    </message>
    <message>
        <source>On this data the score barely separates churned from retained accounts; treat its colours as a prompt to look, not a forecast.</source>
        <translation>Con estos datos, la puntuación apenas distingue las cuentas con churn de las retenidas; sus colores sirven como aviso para revisar, no como previsión.</translation>
    </message>
    <message>
        <source>The backtest failed: %1</source>
        <translation>El backtest ha fallado: %1</translation>
    </message>
    <message>
        <source>Backtest cancelled.</source>
        <translation>Backtest cancelado.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation>Restaurar la seleccionada…</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Copias que se conservan:</translation>
    </message>
    <message>
        <source>A backup is made every day you use the app and before every update. The oldest are deleted beyond the number you keep; the newest backup made before an update is always kept.</source>
        <translation>Se hace una copia de seguridad cada día que se usa la aplicación y antes de cada actualización. Las más antiguas se eliminan cuando se supera el número indicado; la copia más reciente hecha antes de una actualización se conserva siempre.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup saved as %1.</source>
        <translation>Copia de seguridad guardada como %1.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La copia de seguridad ha fallado: %1</translation>
    </message>
    <message>
        <source>Restored. CSM Desktop closes now; start it again to see the restored data.</source>
        <translation>Restauración completada. CSM Desktop se cerrará ahora; al volver a abrirlo se verán los datos restaurados.</translation>
    </message>
    <message>
        <source>The data from before the restore is in %1.</source>
        <translation>Los datos anteriores a la restauración están en %1.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <source>Replace your current data with this backup? Changes made since it was taken are set aside in a new backup, not lost.</source>
        <translation>¿Sustituir los datos actuales por esta copia de seguridad? Los cambios hechos desde que se creó se guardan aparte en una nueva copia; no se pierden.</translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>Exporting {name}</source>
        <translation>Exportando {name}</translation>
    </message>
    <message>
        <source>Batch export finished</source>
        <translation>Exportación por lotes finalizada</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export QBRs</source>
        <translation>Exportar QBR</translation>
    </message>
    <message>
        <source>Internal version (adds risk, ARR, forecast and internal notes)</source>
        <translation>Versión interna (añade riesgo, ARR, previsión y notas internas)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message numerus="yes">
        <source>Export %n QBR(s)</source>
        <translation>
            <numerusform>Exportar %n QBR</numerusform>
            <numerusform>Exportar %n QBR</numerusform>
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
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File names follow the pattern %1 (Settings › Reports).</source>
        <translation>Los nombres de archivo siguen el patrón %1 (Configuración › Informes).</translation>
    </message>
    <message>
        <source>Folder for the QBRs</source>
        <translation>Carpeta para las QBR</translation>
    </message>
    <message>
        <source>Folder %1 does not exist; choose an existing folder.</source>
        <translation>La carpeta %1 no existe; elige una carpeta existente.</translation>
    </message>
    <message>
        <source>Exporting QBRs…</source>
        <translation>Exportando las QBR…</translation>
    </message>
    <message numerus="yes">
        <source>%n QBR(s) written.</source>
        <translation>
            <numerusform>%n QBR generada.</numerusform>
            <numerusform>%n QBR generadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>These accounts failed:</source>
        <translation>Han fallado estas cuentas:</translation>
    </message>
    <message>
        <source>The batch export failed: %1</source>
        <translation>La exportación por lotes ha fallado: %1</translation>
    </message>
</context>
<context>
    <name>ChoiceMenuButton</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>No values</source>
        <translation>Sin valores</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <translation>exporta una Quarterly Business Review en PDF, o una por cuenta en una carpeta</translation>
    </message>
    <message>
        <source>account name, CRM id or UUID</source>
        <translation>nombre de la cuenta, id del CRM o UUID</translation>
    </message>
    <message>
        <source>export one QBR per account (see --filter)</source>
        <translation>exporta una QBR por cuenta (ver --filter)</translation>
    </message>
    <message>
        <source>calendar quarter, e.g. 2024Q4</source>
        <translation>trimestre natural, p. ej. 2024Q4</translation>
    </message>
    <message>
        <source>PDF to write (with --account)</source>
        <translation>PDF que se genera (con --account)</translation>
    </message>
    <message>
        <source>folder for the PDFs (with --all); names follow the file-name pattern in settings</source>
        <translation>carpeta para los PDF (con --all); los nombres siguen el patrón de nombre de archivo de la configuración</translation>
    </message>
    <message>
        <source>with --all, only accounts whose name has TEXT</source>
        <translation>con --all, solo las cuentas cuyo nombre contiene TEXT</translation>
    </message>
    <message>
        <source>export the internal version (adds ARR, forecast, risk and internal notes)</source>
        <translation>exporta la versión interna (añade ARR, previsión, riesgo y notas internas)</translation>
    </message>
    <message>
        <source>comma-separated sections to include (default: all); e.g. summary,health,usage</source>
        <translation>secciones que se incluyen, separadas por comas (por defecto: todas); p. ej. summary,health,usage</translation>
    </message>
    <message>
        <source>export a coordinator&apos;s report</source>
        <translation>exporta un informe de coordinación</translation>
    </message>
    <message>
        <source>ARR by health, renewals by quarter, attention list, per-CSM roll-up</source>
        <translation>ARR por health score, renovaciones por trimestre, lista de atención, resumen por CSM</translation>
    </message>
    <message>
        <source>PDF to write</source>
        <translation>PDF que se genera</translation>
    </message>
    <message>
        <source>only accounts whose name contains TEXT</source>
        <translation>solo las cuentas cuyo nombre contiene TEXT</translation>
    </message>
    <message>
        <source>language and formats of the PDF, e.g. es_ES or en_US</source>
        <translation>idioma y formatos del PDF, p. ej. es_ES o en_US</translation>
    </message>
    <message>
        <source>paper size (default: the report settings, else Letter in US/CA locales, A4 elsewhere)</source>
        <translation>tamaño de papel (por defecto: el de la configuración de informes; si no, Letter en las configuraciones regionales US/CA y A4 en las demás)</translation>
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
        <translation>crea, lista o restaura copias de seguridad</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>hace ahora una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>then delete all but the newest N backups (default: the app&apos;s setting)</source>
        <translation>después elimina todas las copias salvo las N más recientes (por defecto: la configuración de la aplicación)</translation>
    </message>
    <message>
        <source>list backups, newest first</source>
        <translation>lista las copias de seguridad, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>replace the database with a backup (the current file is backed up first)</source>
        <translation>sustituye la base de datos por una copia de seguridad (antes se hace una copia del archivo actual)</translation>
    </message>
    <message>
        <source>backup file, or &apos;newest&apos; for the newest sound backup</source>
        <translation>archivo de copia de seguridad, o &apos;newest&apos; para la copia válida más reciente</translation>
    </message>
    <message>
        <source>check the database file with SQLite&apos;s quick_check, without changing it</source>
        <translation>comprueba el archivo de base de datos con quick_check de SQLite, sin modificarlo</translation>
    </message>
    <message>
        <source>erase a contact&apos;s name, email, phone and survey comments on request</source>
        <translation>borra, a petición, el nombre, el correo electrónico, el teléfono y los comentarios de encuestas de un contacto</translation>
    </message>
    <message>
        <source>contact UUID, or an email or name matching one</source>
        <translation>UUID del contacto, o un correo electrónico o nombre que coincida con uno</translation>
    </message>
    <message>
        <source>sync with the team server</source>
        <translation>sincroniza con el servidor del equipo</translation>
    </message>
    <message>
        <source>connect to a team server; reads the access token from standard input</source>
        <translation>conecta con un servidor del equipo; lee el token de acceso de la entrada estándar</translation>
    </message>
    <message>
        <source>server URL (https://…)</source>
        <translation>URL del servidor (https://…)</translation>
    </message>
    <message>
        <source>show pending changes and conflicts</source>
        <translation>muestra los cambios pendientes y los conflictos</translation>
    </message>
    <message>
        <source>list the changes a restored server lost; --reupload or --discard decides what happens to them</source>
        <translation>lista los cambios que perdió un servidor restaurado; --reupload o --discard decide qué hacer con ellos</translation>
    </message>
    <message>
        <source>queue the lost changes for the next sync; where someone changed the same field since, the server records a conflict</source>
        <translation>pone en cola los cambios perdidos para la próxima sincronización; si alguien ha cambiado el mismo campo desde entonces, el servidor registra un conflicto</translation>
    </message>
    <message>
        <source>drop the lost changes and keep the server&apos;s version of those records</source>
        <translation>descarta los cambios perdidos y conserva la versión del servidor de esos registros</translation>
    </message>
    <message>
        <source>no token on standard input; pipe the token in</source>
        <translation>no hay token en la entrada estándar; pásalo mediante una tubería</translation>
    </message>
    <message>
        <source>Connected to {url} as {email} ({role}).</source>
        <translation>Conectado a {url} como {email} ({role}).</translation>
    </message>
    <message>
        <source>sync once now; exits with 1 when the server rejected a change in this run</source>
        <translation>sincroniza una vez ahora; termina con 1 si el servidor rechazó algún cambio en esta ejecución</translation>
    </message>
    <message>
        <source>read the personal access token from standard input instead of the keyring; without this option and without a keyring entry, the token is read from the CSM_SYNC_TOKEN environment variable. The token is never written to disk.</source>
        <translation>lee el token de acceso personal de la entrada estándar en lugar del llavero; sin esta opción y sin entrada en el llavero, el token se lee de la variable de entorno CSM_SYNC_TOKEN. El token nunca se escribe en disco.</translation>
    </message>
    <message>
        <source>The token is not kept after this command ends. {reason} To sync from the command line, give the token to each &apos;sync now&apos;: set the CSM_SYNC_TOKEN environment variable, or pipe it in with &apos;sync now --token-stdin&apos;.</source>
        <translation>El token no se conserva al terminar este comando. {reason} Para sincronizar desde la línea de comandos, hay que dar el token a cada &apos;sync now&apos;: en la variable de entorno CSM_SYNC_TOKEN, o mediante una tubería con &apos;sync now --token-stdin&apos;.</translation>
    </message>
    <message>
        <source>Pushed: {pushed}. Pulled: {pulled} changes.</source>
        <translation>Enviados: {pushed}. Recibidos: {pulled} cambios.</translation>
    </message>
    <message>
        <source>Rejected change {seq}: {detail}</source>
        <translation>Cambio {seq} rechazado: {detail}</translation>
    </message>
    <message>
        <source>{error}. Without a keyring, set the CSM_SYNC_TOKEN environment variable or pipe the token in with &apos;sync now --token-stdin&apos;.</source>
        <translation>{error}. Sin llavero, hay que definir la variable de entorno CSM_SYNC_TOKEN o pasar el token mediante una tubería con &apos;sync now --token-stdin&apos;.</translation>
    </message>
    <message>
        <source>The team server was restored from a backup and lost {count} changes from this computer. Run &apos;sync lost&apos; to list them, then &apos;sync lost --reupload&apos; or &apos;sync lost --discard&apos;.</source>
        <translation>El servidor del equipo se restauró desde una copia de seguridad y perdió {count} cambios de este ordenador. Ejecuta &apos;sync lost&apos; para verlos y después &apos;sync lost --reupload&apos; o &apos;sync lost --discard&apos;.</translation>
    </message>
    <message>
        <source>{count} lost changes queued; they are sent at the next sync.</source>
        <translation>{count} cambios perdidos en cola; se envían en la próxima sincronización.</translation>
    </message>
    <message>
        <source>{count} lost changes discarded; the server&apos;s version is kept.</source>
        <translation>{count} cambios perdidos descartados; se conserva la versión del servidor.</translation>
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
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts and proposals</source>
        <translation>Conflictos y propuestas de sincronización</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mi valor</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Su valor</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Elección</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>&amp;Apply choices</source>
        <translation>&amp;Aplicar elecciones</translation>
    </message>
    <message>
        <source>Conflicts and proposals</source>
        <translation>Conflictos y propuestas</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>Possible duplicates (%1)</source>
        <translation>Posibles duplicados (%1)</translation>
    </message>
    <message>
        <source>The same field was changed here and elsewhere. Choose the value to keep for each row, then press Apply choices.</source>
        <translation>El mismo campo se ha cambiado aquí y en otro sitio. Hay que elegir el valor que se conserva en cada fila y después pulsar Aplicar elecciones.</translation>
    </message>
    <message>
        <source>No open conflicts or proposals.</source>
        <translation>No hay conflictos ni propuestas abiertos.</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>Restore rejected: %1</source>
        <translation>Restauración rechazada: %1</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(registro completo)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>Choice for %1</source>
        <translation>Elección para %1</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Edit of a deleted record</source>
        <translation>Edición de un registro eliminado</translation>
    </message>
    <message>
        <source>Delete not applied</source>
        <translation>Eliminación no aplicada</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Usar mi valor</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Conservar su valor</translation>
    </message>
    <message>
        <source>Accept proposal</source>
        <translation>Aceptar la propuesta</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Keep deleted</source>
        <translation>Mantener eliminado</translation>
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
        <translation>Roles</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
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
        <translation>Contactado &amp;hoy</translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation>&amp;Nuevo contacto</translation>
    </message>
    <message>
        <source>&amp;Save contact</source>
        <translation>&amp;Guardar contacto</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Nom&amp;bre</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>&amp;Cargo</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>Correo &amp;electrónico</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Telé&amp;fono</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>CSM Desktop: unexpected error</source>
        <translation>CSM Desktop: error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside CSM Desktop. Your saved data is safe: every change is stored when you make it, and unfinished changes were undone.

Please copy the report below and send it to your support contact. Stored credentials are removed from it; read it before sending.</source>
        <translation>Se ha producido un error en CSM Desktop. Los datos guardados están a salvo: cada cambio se guarda al hacerlo y los cambios sin terminar se han deshecho.

Copia el informe de abajo y envíalo a tu contacto de soporte. Las credenciales guardadas se eliminan del informe; revísalo antes de enviarlo.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
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
    <name>DuplicatesPanel</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Coincide en</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>&amp;Open account</source>
        <translation>Abrir &amp;cuenta</translation>
    </message>
    <message>
        <source>Open &amp;possible duplicate</source>
        <translation>Abrir &amp;posible duplicado</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;No son duplicados</translation>
    </message>
    <message>
        <source>Looking for possible duplicate accounts…</source>
        <translation>Buscando posibles cuentas duplicadas…</translation>
    </message>
    <message>
        <source>Possible duplicates could not be listed; see the log.</source>
        <translation>No se pudieron listar los posibles duplicados; consulta el registro.</translation>
    </message>
    <message>
        <source>These accounts have the same name, web domain or CRM id. Sync never merges them. Open both to compare, or mark a pair as not duplicates.</source>
        <translation>Estas cuentas tienen el mismo nombre, dominio web o ID de CRM. La sincronización nunca las fusiona. Abre las dos para compararlas o marca el par como no duplicado.</translation>
    </message>
    <message>
        <source>No possible duplicate accounts.</source>
        <translation>No hay posibles cuentas duplicadas.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>dominio</translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation>ID de CRM</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>Everything (JSON archive, imports back losslessly)</source>
        <translation>Todo (archivo JSON, se vuelve a importar sin pérdidas)</translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Libro de Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Add a byte order mark so Excel on Windows shows accents</source>
        <translation>Añadir una marca de orden de bytes (BOM) para que Excel en Windows muestre los acentos</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Exportar:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>%1 filas escritas en %2</translation>
    </message>
</context>
<context>
    <name>FileInfo</name>
    <message>
        <source>sheet %1</source>
        <translation>hoja %1</translation>
    </message>
    <message>
        <source>header on row %1</source>
        <translation>encabezado en la fila %1</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 con BOM</translation>
    </message>
    <message>
        <source>comma delimiter</source>
        <translation>delimitador coma</translation>
    </message>
    <message>
        <source>semicolon delimiter</source>
        <translation>delimitador punto y coma</translation>
    </message>
    <message>
        <source>tab delimiter</source>
        <translation>delimitador tabulador</translation>
    </message>
    <message>
        <source>vertical bar delimiter</source>
        <translation>delimitador barra vertical</translation>
    </message>
    <message>
        <source>delimiter %1</source>
        <translation>delimitador %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>CSV or other delimited text, Excel (.xlsx) or a JSON list of records.</source>
        <translation>CSV u otro texto delimitado, Excel (.xlsx) o una lista de registros JSON.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>None: suggest from the header</source>
        <translation>Ninguno: sugerir a partir del encabezado</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Rows are:</source>
        <translation>Las filas son:</translation>
    </message>
    <message>
        <source>Source system:</source>
        <translation>Sistema de origen:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Codificación:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Delimitador:</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Detectado:</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importar datos</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)</source>
        <translation>Archivos de datos (*.csv *.txt *.tsv *.xlsx *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>A saved mapping for this report was found and applied.</source>
        <translation>Se ha encontrado y aplicado una asignación guardada para este informe.</translation>
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
        <translation>Actual</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nuevo objetivo</translation>
    </message>
    <message>
        <source>Objective, e.g. 80 % of seats active</source>
        <translation>Objetivo, p. ej. 80 % de licencias activas</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Valor actual</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Valor meta</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha límite</translation>
    </message>
    <message>
        <source>Goal due date</source>
        <translation>Fecha límite del objetivo</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Nue&amp;vo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>O&amp;bjective</source>
        <translation>O&amp;bjetivo</translation>
    </message>
    <message>
        <source>C&amp;urrent</source>
        <translation>Act&amp;ual</translation>
    </message>
    <message>
        <source>Tar&amp;get</source>
        <translation>&amp;Meta</translation>
    </message>
    <message>
        <source>Du&amp;e</source>
        <translation>V&amp;ence</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Editar objetivo</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Añadir &amp;objetivo</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Guar&amp;dar cambios</translation>
    </message>
    <message>
        <source>Goal added. Check in on it below, or press New for another goal.</source>
        <translation>Objetivo añadido. Registra su seguimiento abajo, o pulsa Nuevo para otro objetivo.</translation>
    </message>
    <message>
        <source>Select a goal to delete first.</source>
        <translation>Primero selecciona el objetivo que quieres eliminar.</translation>
    </message>
    <message>
        <source>Delete the goal “%1” and its check-ins?</source>
        <translation>¿Eliminar el objetivo «%1» y sus seguimientos?</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Eliminar objetivo</translation>
    </message>
    <message>
        <source>Check-in date</source>
        <translation>Fecha del seguimiento</translation>
    </message>
    <message>
        <source>“%1” is not a number; type it as %2.</source>
        <translation>«%1» no es un número; escríbelo como %2.</translation>
    </message>
    <message>
        <source>Value reached</source>
        <translation>Valor alcanzado</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Estado del objetivo</translation>
    </message>
    <message>
        <source>Check-in comment</source>
        <translation>Comentario del seguimiento</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>Registrar &amp;seguimiento</translation>
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
        <source>The health score went stale (no recent data).</source>
        <translation>El health score quedó desactualizado (no hay datos recientes).</translation>
    </message>
    <message>
        <source>Health changed from {0} to {1}.</source>
        <translation>La salud pasó de {0} a {1}.</translation>
    </message>
    <message>
        <source>No product usage in the last 30 days ({0} events the 30 days before).</source>
        <translation>Sin uso del producto en los últimos 30 días ({0} eventos en los 30 días anteriores).</translation>
    </message>
    <message>
        <source>No product usage in the last 30 days.</source>
        <translation>Sin uso del producto en los últimos 30 días.</translation>
    </message>
    <message>
        <source>Product usage fell {0}% in the last 30 days.</source>
        <translation>El uso del producto bajó un {0}% en los últimos 30 días.</translation>
    </message>
    <message>
        <source>A detractor NPS answer ({0} of 10).</source>
        <translation>Una respuesta NPS detractora ({0} de 10).</translation>
    </message>
    <message>
        <source>Red health with a renewal on {0}.</source>
        <translation>Salud en rojo con una renovación el {0}.</translation>
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
        <translation>%1 ✎ ajustado manualmente</translation>
    </message>
    <message>
        <source>A CSM overrode the computed score.</source>
        <translation>Un CSM ha sustituido la puntuación calculada.</translation>
    </message>
</context>
<context>
    <name>HealthChange</name>
    <message>
        <source>No score to compare with on {0}.</source>
        <translation>No hay puntuación con la que comparar el {0}.</translation>
    </message>
    <message>
        <source>About the same score as on {0}.</source>
        <translation>Puntuación similar a la del {0}.</translation>
    </message>
    <message>
        <source>Up 1 point since {0}.</source>
        <translation>Sube 1 punto desde el {0}.</translation>
    </message>
    <message>
        <source>Down 1 point since {0}.</source>
        <translation>Baja 1 punto desde el {0}.</translation>
    </message>
    <message>
        <source>Up {0} points since {1}.</source>
        <translation>Sube {0} puntos desde el {1}.</translation>
    </message>
    <message>
        <source>Down {0} points since {1}.</source>
        <translation>Baja {0} puntos desde el {1}.</translation>
    </message>
</context>
<context>
    <name>HealthMeasure</name>
    <message>
        <source>Usage trend (30 days)</source>
        <translation>Tendencia de uso (30 días)</translation>
    </message>
    <message>
        <source>Usage trend (90 days)</source>
        <translation>Tendencia de uso (90 días)</translation>
    </message>
    <message>
        <source>Adoption breadth</source>
        <translation>Amplitud de adopción</translation>
    </message>
    <message>
        <source>Seat utilisation</source>
        <translation>Uso de licencias</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Support load</source>
        <translation>Carga de soporte</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Escalados</translation>
    </message>
    <message>
        <source>Engagement recency</source>
        <translation>Recencia de la interacción</translation>
    </message>
    <message>
        <source>Onboarding progress</source>
        <translation>Progreso del onboarding</translation>
    </message>
    <message>
        <source>Invoice status</source>
        <translation>Estado de facturas</translation>
    </message>
    <message>
        <source>Churn history</source>
        <translation>Historial de churn</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interacción</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Comercial</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Set override…</source>
        <translation>Ajustar manualmente…</translation>
    </message>
    <message>
        <source>Clear override</source>
        <translation>Quitar ajuste manual</translation>
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
        <translation>Cargando el health score…</translation>
    </message>
    <message>
        <source>Health could not be loaded: %1</source>
        <translation>No se ha podido cargar el health score: %1</translation>
    </message>
    <message>
        <source>No health snapshots yet.</source>
        <translation>Todavía no hay health score calculado.</translation>
    </message>
    <message>
        <source>%1 of %2 measures</source>
        <translation>%1 de %2 medidas</translation>
    </message>
    <message>
        <source>%1 %2 · coverage %3 · as of %4 · profile %5</source>
        <translation>%1 %2 · cobertura %3 · a %4 · perfil %5</translation>
    </message>
    <message>
        <source>Stale: the newest data for this score is from %1, older than its validity period. The score is shown grey, never green, until fresh data arrives.</source>
        <translation>Desactualizado: los datos más recientes de esta puntuación son del %1, anteriores a su periodo de validez. La puntuación se muestra en gris, nunca en verde, hasta que lleguen datos nuevos.</translation>
    </message>
    <message>
        <source>No override: the computed score is shown.</source>
        <translation>Sin ajuste manual: se muestra la puntuación calculada.</translation>
    </message>
    <message>
        <source>Overridden to %1 by %2 on %3: “%4”. Computed score underneath: %5 (%6).</source>
        <translation>Ajustado a %1 por %2 el %3: «%4». Puntuación calculada subyacente: %5 (%6).</translation>
    </message>
    <message>
        <source>Expires after %1.</source>
        <translation>Caduca tras %1.</translation>
    </message>
    <message>
        <source>Not applicable: %1</source>
        <translation>No aplicable: %1</translation>
    </message>
    <message>
        <source>Stale: %1</source>
        <translation>Desactualizado: %1</translation>
    </message>
    <message>
        <source>Computed score</source>
        <translation>Puntuación calculada</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Ajuste manual</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>Cambio de perfil</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Desactualizado</translation>
    </message>
    <message>
        <source>Health score over time</source>
        <translation>Evolución del health score</translation>
    </message>
    <message>
        <source>No health snapshots yet</source>
        <translation>Todavía no hay health score calculado</translation>
    </message>
    <message>
        <source>Override not saved</source>
        <translation>Ajuste manual no guardado</translation>
    </message>
</context>
<context>
    <name>HealthWhy</name>
    <message>
        <source>No feature usage recorded yet.</source>
        <translation>Aún no hay uso de funcionalidades registrado.</translation>
    </message>
    <message>
        <source>No feature events in the last {0} days or the {0} before; the last were on {1}.</source>
        <translation>No hay eventos de funcionalidades en los últimos {0} días ni en los {0} anteriores; los últimos fueron el {1}.</translation>
    </message>
    <message>
        <source>{1} feature events in the last {0} days, none in the {0} days before.</source>
        <translation>{1} eventos de funcionalidades en los últimos {0} días, ninguno en los {0} días anteriores.</translation>
    </message>
    <message>
        <source>{1} feature events in the last {0} days, about the same as the {0} days before.</source>
        <translation>{1} eventos de funcionalidades en los últimos {0} días, más o menos como en los {0} días anteriores.</translation>
    </message>
    <message>
        <source>{1} feature events in the last {0} days, up {2}% on the {0} days before ({3}).</source>
        <translation>{1} eventos de funcionalidades en los últimos {0} días, un {2}% más que en los {0} días anteriores ({3}).</translation>
    </message>
    <message>
        <source>Feature events fell {2}% in {0} days: {1} in the last {0} days against {3} before.</source>
        <translation>Los eventos de funcionalidades bajaron un {2}% en {0} días: {1} en los últimos {0} días frente a {3} antes.</translation>
    </message>
    <message>
        <source>No feature-level usage recorded yet.</source>
        <translation>Aún no hay uso registrado por funcionalidad.</translation>
    </message>
    <message>
        <source>Used {0} of {1} key features in the last {2} days.</source>
        <translation>Usó {0} de {1} funcionalidades clave en los últimos {2} días.</translation>
    </message>
    <message>
        <source>The number of licensed seats is not known.</source>
        <translation>No se conoce el número de licencias contratadas.</translation>
    </message>
    <message>
        <source>No seats-used figures recorded in the last {0} days.</source>
        <translation>No hay cifras de licencias usadas en los últimos {0} días.</translation>
    </message>
    <message>
        <source>{0} of {1} licensed seats used (figure of {2}).</source>
        <translation>{0} de {1} licencias contratadas en uso (dato del {2}).</translation>
    </message>
    <message>
        <source>No NPS responses recorded yet.</source>
        <translation>Aún no hay respuestas de NPS registradas.</translation>
    </message>
    <message>
        <source>NPS {0} from {1} responses ({2} promoters, {3} detractors), newest on {4}.</source>
        <translation>NPS {0} de {1} respuestas ({2} promotores, {3} detractores); la más reciente, del {4}.</translation>
    </message>
    <message>
        <source>No rated tickets or CSAT responses in the last 180 days.</source>
        <translation>No hay tickets valorados ni respuestas de CSAT en los últimos 180 días.</translation>
    </message>
    <message>
        <source>Mean CSAT {0} of 5 in the last 180 days (ratings: {1}).</source>
        <translation>CSAT medio de {0} sobre 5 en los últimos 180 días (valoraciones: {1}).</translation>
    </message>
    <message>
        <source>No support tickets recorded yet.</source>
        <translation>Aún no hay tickets de soporte registrados.</translation>
    </message>
    <message>
        <source>No tickets opened in the last 90 days.</source>
        <translation>No se abrieron tickets en los últimos 90 días.</translation>
    </message>
    <message>
        <source>Tickets opened in the last 90 days: {0} ({1} high or urgent, {2} still open); load {3}.</source>
        <translation>Tickets abiertos en los últimos 90 días: {0} ({1} de prioridad alta o urgente, {2} aún abiertos); carga {3}.</translation>
    </message>
    <message>
        <source>No escalated tickets in the last 180 days.</source>
        <translation>No hay tickets escalados en los últimos 180 días.</translation>
    </message>
    <message>
        <source>Escalated tickets in the last 180 days: {0}.</source>
        <translation>Tickets escalados en los últimos 180 días: {0}.</translation>
    </message>
    <message>
        <source>No customer-facing activity recorded yet.</source>
        <translation>Aún no hay actividad con el cliente registrada.</translation>
    </message>
    <message>
        <source>Last customer-facing touch {0} days ago, on {1}.</source>
        <translation>Último contacto con el cliente hace {0} días, el {1}.</translation>
    </message>
    <message>
        <source>No invoices due yet.</source>
        <translation>Aún no vence ninguna factura.</translation>
    </message>
    <message>
        <source>No invoice is unpaid after its due date.</source>
        <translation>No hay facturas impagadas después de su vencimiento.</translation>
    </message>
    <message>
        <source>Invoices unpaid after their due date: {0}; the oldest is {1} days overdue.</source>
        <translation>Facturas impagadas después de su vencimiento: {0}; la más antigua lleva {1} días vencida.</translation>
    </message>
    <message>
        <source>No onboarding goals due yet.</source>
        <translation>Aún no vence ningún objetivo de onboarding.</translation>
    </message>
    <message>
        <source>{0} of {1} onboarding goals due so far were met.</source>
        <translation>Se cumplieron {0} de los {1} objetivos de onboarding vencidos hasta ahora.</translation>
    </message>
    <message>
        <source>The account&apos;s history has not started yet.</source>
        <translation>El historial de la cuenta aún no ha empezado.</translation>
    </message>
    <message>
        <source>No churn events in the last 365 days.</source>
        <translation>No hay bajas en los últimos 365 días.</translation>
    </message>
    <message>
        <source>Value {0}.</source>
        <translation>Valor {0}.</translation>
    </message>
    <message>
        <source>Churn events in the last 365 days: {0} fresh, {1} after a reactivation.</source>
        <translation>Bajas en los últimos 365 días: {0} nuevas, {1} tras una reactivación.</translation>
    </message>
    <message>
        <source>No feature events in the last {0} days, against {3} in the {0} days before.</source>
        <translation>Ningún evento de funcionalidades en los últimos {0} días, frente a {3} en los {0} días anteriores.</translation>
    </message>
    <message>
        <source>1 feature event in the last {0} days, none in the {0} days before.</source>
        <translation>1 evento de funcionalidades en los últimos {0} días, ninguno en los {0} días anteriores.</translation>
    </message>
    <message>
        <source>1 feature event in the last {0} days, about the same as the {0} days before.</source>
        <translation>1 evento de funcionalidades en los últimos {0} días, más o menos como en los {0} días anteriores.</translation>
    </message>
    <message>
        <source>NPS {0} from 1 response, on {4}.</source>
        <translation>NPS {0} de 1 respuesta, del {4}.</translation>
    </message>
    <message>
        <source>Last customer-facing touch on the day of the score, {1}.</source>
        <translation>Último contacto con el cliente el mismo día de la puntuación, el {1}.</translation>
    </message>
    <message>
        <source>Last customer-facing touch 1 day ago, on {1}.</source>
        <translation>Último contacto con el cliente hace 1 día, el {1}.</translation>
    </message>
    <message>
        <source>Invoices unpaid after their due date: {0}; the oldest is 1 day overdue.</source>
        <translation>Facturas impagadas después de su vencimiento: {0}; la más antigua lleva 1 día vencida.</translation>
    </message>
    <message>
        <source>The onboarding goal due so far was met.</source>
        <translation>Se cumplió el objetivo de onboarding vencido hasta ahora.</translation>
    </message>
    <message>
        <source>The onboarding goal due so far was not met.</source>
        <translation>No se cumplió el objetivo de onboarding vencido hasta ahora.</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <source>longer than %1 characters (%2)</source>
        <translation>más de %1 caracteres (%2)</translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation>no es una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>not a web domain such as example.com</source>
        <translation>no es un dominio web como example.com</translation>
    </message>
    <message>
        <source>a yes/no value where a number is expected</source>
        <translation>un valor sí/no donde se espera un número</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>no es un número entero</translation>
    </message>
    <message>
        <source>an id longer than 120 characters</source>
        <translation>un id de más de 120 caracteres</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>falta un valor obligatorio</translation>
    </message>
    <message>
        <source>a number where a date is expected</source>
        <translation>un número donde se espera una fecha</translation>
    </message>
    <message>
        <source>not a date (unknown month %1): %2</source>
        <translation>no es una fecha (mes desconocido %1): %2</translation>
    </message>
    <message>
        <source>not a date: %1 (expected YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY or 15 Jan 2024)</source>
        <translation>no es una fecha: %1 (se espera AAAA-MM-DD, DD/MM/AAAA, MM/DD/AAAA o 15 ene 2024)</translation>
    </message>
    <message>
        <source>%1 could be day %2 of month %3 or the reverse; choose the date order of this column</source>
        <translation>%1 puede ser el día %2 del mes %3 o al revés; elige el orden de fecha de esta columna</translation>
    </message>
    <message>
        <source>not a valid time: %1</source>
        <translation>no es una hora válida: %1</translation>
    </message>
    <message>
        <source>not a valid date: %1</source>
        <translation>no es una fecha válida: %1</translation>
    </message>
    <message>
        <source>not a number (thousand separators misplaced): %1</source>
        <translation>no es un número (separadores de miles mal colocados): %1</translation>
    </message>
    <message>
        <source>not a number (separators misplaced): %1</source>
        <translation>no es un número (separadores mal colocados): %1</translation>
    </message>
    <message>
        <source>%1 could be %2 or %3; choose the decimal separator of this column</source>
        <translation>%1 puede ser %2 o %3; elige el separador decimal de esta columna</translation>
    </message>
    <message>
        <source>not a number: %1</source>
        <translation>no es un número: %1</translation>
    </message>
    <message>
        <source>not a finite number: %1</source>
        <translation>no es un número finito: %1</translation>
    </message>
    <message>
        <source>%1 accounts have the %2 %3; match on another key</source>
        <translation>%1 cuentas tienen el %2 %3; haz coincidir por otra clave</translation>
    </message>
    <message>
        <source>no account has the %1 %2; import accounts first, match on another key, or allow creating missing accounts</source>
        <translation>ninguna cuenta tiene el %1 %2; importa antes las cuentas, haz coincidir por otra clave o permite crear las cuentas que falten</translation>
    </message>
    <message>
        <source>no contact has the id %1; import the contacts first</source>
        <translation>ningún contacto tiene el id %1; importa antes los contactos</translation>
    </message>
    <message>
        <source>no subscription has the id %1; import the subscriptions first</source>
        <translation>ninguna suscripción tiene el id %1; importa antes las suscripciones</translation>
    </message>
    <message>
        <source>external id</source>
        <translation>id externo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>dominio</translation>
    </message>
    <message>
        <source>belongs to another account than the row&apos;s account</source>
        <translation>pertenece a otra cuenta distinta de la cuenta de la fila</translation>
    </message>
    <message>
        <source>not an ISO 4217 currency code such as EUR or USD</source>
        <translation>no es un código de moneda ISO 4217 como EUR o USD</translation>
    </message>
    <message>
        <source>not a lifecycle stage (use %1)</source>
        <translation>no es una etapa del ciclo de vida (usa %1)</translation>
    </message>
    <message>
        <source>seats cannot be negative</source>
        <translation>las licencias no pueden ser negativas</translation>
    </message>
    <message>
        <source>a contact needs a name, or a first or last name</source>
        <translation>un contacto necesita un nombre completo, un nombre o un apellido</translation>
    </message>
    <message>
        <source>the survey scale is not chosen</source>
        <translation>no se ha elegido la escala de la encuesta</translation>
    </message>
    <message>
        <source>%1 is outside the %2 scale</source>
        <translation>%1 está fuera de la escala %2</translation>
    </message>
    <message>
        <source>not an invoice status (use paid, open or overdue)</source>
        <translation>no es un estado de factura (usa paid, open u overdue)</translation>
    </message>
    <message>
        <source>not an activity type (use %1)</source>
        <translation>no es un tipo de actividad (usa %1)</translation>
    </message>
    <message>
        <source>the end date is before the start date</source>
        <translation>la fecha de fin es anterior a la de inicio</translation>
    </message>
    <message>
        <source>a usage value cannot be negative</source>
        <translation>un valor de uso no puede ser negativo</translation>
    </message>
    <message>
        <source>not a yes/no value: %1 (use TRUE/FALSE, yes/no, sí/no, 1/0 or x)</source>
        <translation>no es un valor sí/no: %1 (usa TRUE/FALSE, yes/no, sí/no, 1/0 o x)</translation>
    </message>
    <message>
        <source>not a date: %1 (expected YYYY-MM-DD)</source>
        <translation>no es una fecha: %1 (se espera AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>not a date and time: %1 (expected YYYY-MM-DD HH:MM)</source>
        <translation>no es una fecha y hora: %1 (se espera AAAA-MM-DD HH:MM)</translation>
    </message>
    <message>
        <source>not a valid date and time: %1</source>
        <translation>no es una fecha y hora válida: %1</translation>
    </message>
    <message>
        <source>not a whole number: %1</source>
        <translation>no es un número entero: %1</translation>
    </message>
    <message>
        <source>number too large: %1 (at most %2)</source>
        <translation>número demasiado grande: %1 (como máximo %2)</translation>
    </message>
    <message>
        <source>not an amount: %1</source>
        <translation>no es un importe: %1</translation>
    </message>
    <message>
        <source>not a finite amount: %1</source>
        <translation>no es un importe finito: %1</translation>
    </message>
    <message>
        <source>amount too large: %1 (must be under 100,000,000,000,000)</source>
        <translation>importe demasiado grande: %1 (debe ser menor que 100.000.000.000.000)</translation>
    </message>
    <message>
        <source>repeats the key of line %1 with other values; the first one is kept</source>
        <translation>repite la clave de la línea %1 con otros valores; se conserva la primera</translation>
    </message>
    <message>
        <source>this record was deleted in the app and is not restored</source>
        <translation>este registro se eliminó en la aplicación y no se restaura</translation>
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
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Subscriptions and renewals</source>
        <translation>Suscripciones y renovaciones</translation>
    </message>
    <message>
        <source>Usage metrics</source>
        <translation>Métricas de uso</translation>
    </message>
    <message>
        <source>Survey responses (NPS, CSAT)</source>
        <translation>Respuestas de encuestas (NPS, CSAT)</translation>
    </message>
    <message>
        <source>Support tickets</source>
        <translation>Tickets de soporte</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Facturas</translation>
    </message>
    <message>
        <source>Churn events</source>
        <translation>Eventos de churn</translation>
    </message>
    <message>
        <source>Activities and call notes</source>
        <translation>Actividades y notas de llamada</translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation>Leído como: %1</translation>
    </message>
    <message>
        <source>%1: %2 to create, %3 to update, %4 unchanged, %5 rejected</source>
        <translation>%1: %2 por crear, %3 por actualizar, %4 sin cambios, %5 rechazadas</translation>
    </message>
    <message>
        <source>%1: %2 created, %3 updated, %4 unchanged, %5 rejected</source>
        <translation>%1: %2 creadas, %3 actualizadas, %4 sin cambios, %5 rechazadas</translation>
    </message>
    <message>
        <source>Blank rows skipped: %1; total and footer rows skipped: %2</source>
        <translation>Filas vacías omitidas: %1; filas de totales y de pie omitidas: %2</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Id externo</translation>
    </message>
    <message>
        <source>Name (normalised)</source>
        <translation>Nombre (normalizado)</translation>
    </message>
    <message>
        <source>Web domain</source>
        <translation>Dominio web</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importar datos</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Coma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Punto y coma (;)</translation>
    </message>
    <message>
        <source>Vertical bar (|)</source>
        <translation>Barra vertical (|)</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
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
        <translation>Advocacy</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Ciclo de vida</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>En buen camino</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Conseguido</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>No conseguido</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>Best case</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identificada</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Cualificada</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganada</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation>Decisor económico</translation>
    </message>
    <message>
        <source>Executive sponsor</source>
        <translation>Sponsor ejecutivo</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation>Detractor</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Caso de éxito</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Reseña</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Willing</source>
        <translation>Dispuesto</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
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
    <name>LostChangesDialog</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>Nota de llamada</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Re-upload changes the server lost?</source>
        <translation>¿Volver a subir los cambios que perdió el servidor?</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Changes the server lost</source>
        <translation>Cambios que perdió el servidor</translation>
    </message>
    <message>
        <source>&amp;Re-upload</source>
        <translation>&amp;Volver a subir</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Ask &amp;later</source>
        <translation>Preguntar más &amp;tarde</translation>
    </message>
    <message>
        <source>The team server was restored from a backup and no longer has %1 changes that this computer had sent. Re-upload sends them again: where someone changed the same field since, you get a conflict to resolve instead of an overwrite. Discard keeps the server&apos;s version and removes the lost records from this computer.</source>
        <translation>El servidor del equipo se restauró desde una copia de seguridad y ya no tiene %1 cambios que este ordenador había enviado. Volver a subir los envía de nuevo: si alguien ha cambiado el mismo campo desde entonces, tendrás un conflicto que resolver en lugar de una sobrescritura. Descartar conserva la versión del servidor y quita de este ordenador los registros perdidos.</translation>
    </message>
    <message>
        <source>Whole record (missing on the server)</source>
        <translation>Registro completo (no está en el servidor)</translation>
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
        <source>A background task is still running. Cancel it and quit?</source>
        <translation>Todavía hay una tarea en segundo plano. ¿Cancelarla y salir?</translation>
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
        <source>Opening your portfolio…</source>
        <translation>Abriendo tu cartera…</translation>
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
        <translation>Asignar columnas</translation>
    </message>
    <message>
        <source>Suggested from the header names; fields marked * are required.</source>
        <translation>Sugeridas a partir de los nombres del encabezado; los campos marcados con * son obligatorios.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Or a fixed value</source>
        <translation>O un valor fijo</translation>
    </message>
    <message>
        <source>Create accounts the file names but the app lacks</source>
        <translation>Crear las cuentas que aparecen en el archivo pero no existen en la aplicación</translation>
    </message>
    <message>
        <source>Suggest from the values</source>
        <translation>Sugerir a partir de los valores</translation>
    </message>
    <message>
        <source>Match stored accounts on:</source>
        <translation>Emparejar con las cuentas guardadas por:</translation>
    </message>
    <message>
        <source>The account column holds the account&apos;s:</source>
        <translation>Contenido de la columna de cuenta:</translation>
    </message>
    <message>
        <source>Survey scale:</source>
        <translation>Escala de la encuesta:</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <source>No column is mapped to %1, so no stored account can match on it and every row would create a new account. Map a column to %1 or choose another key.</source>
        <translation>Ninguna columna está asignada a %1, así que ninguna cuenta guardada puede coincidir por esa clave y cada fila crearía una cuenta nueva. Asigna una columna a %1 o elige otra clave.</translation>
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
        <translation>Dos o tres frases para la cronología</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Qué se dijo</translation>
    </message>
    <message>
        <source>One decision per line</source>
        <translation>Una decisión por línea</translation>
    </message>
    <message>
        <source>One step per line; each can become a task</source>
        <translation>Un paso por línea; cada uno puede convertirse en una tarea</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Descartar borrador</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+Enter)</source>
        <translation>Guardar la nota (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save and create tasks</source>
        <translation>Guardar y crear tareas</translation>
    </message>
    <message>
        <source>Save the note and make one task per next step (Ctrl+Shift+Enter)</source>
        <translation>Guardar la nota y crear una tarea por cada próximo paso (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Note type</source>
        <translation>Tipo de nota</translation>
    </message>
    <message>
        <source>Note date</source>
        <translation>Fecha de la nota</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Título de la nota</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
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
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>Tít&amp;ulo</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>&amp;Asistentes</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>D&amp;ecisions</source>
        <translation>D&amp;ecisiones</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>&amp;Próximos pasos</translation>
    </message>
    <message>
        <source>Recovered an unsaved draft from %1 %2. Finish it, or discard it.</source>
        <translation>Se ha recuperado un borrador sin guardar del %1 %2. Terminarlo o descartarlo.</translation>
    </message>
    <message>
        <source>Draft not saved: %1</source>
        <translation>Borrador no guardado: %1</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Borrador guardado</translation>
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
        <translation>Ajustar el health score manualmente</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Why is the computed score wrong? (required)</source>
        <translation>¿Por qué es incorrecta la puntuación calculada? (obligatorio)</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Caduca tras</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Ajustado por</translation>
    </message>
    <message>
        <source>Write a reason: it is shown with the override.</source>
        <translation>Falta el motivo: se muestra junto al ajuste manual.</translation>
    </message>
    <message>
        <source>Enter the name of the person setting the override.</source>
        <translation>Falta el nombre de la persona que hace el ajuste manual.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Key figures</source>
        <translation>Cifras clave</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation>ARR previsto</translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation>Probabilidad de renovación</translation>
    </message>
    <message>
        <source>Open expansion</source>
        <translation>Expansión abierta</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Tareas abiertas</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Tareas vencidas</translation>
    </message>
    <message>
        <source>Goals on track</source>
        <translation>Objetivos en buen camino</translation>
    </message>
    <message>
        <source>Contacts (champions)</source>
        <translation>Contactos (champions)</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Tickets abiertos</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>PendingChangesDialog</name>
    <message>
        <source>Pending sync changes</source>
        <translation>Cambios de sincronización pendientes</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Cambios pendientes</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>all fields</source>
        <translation>todos los campos</translation>
    </message>
    <message>
        <source>%1 changes wait to be sent; %2 were rejected by the server.</source>
        <translation>%1 cambios esperan a enviarse; el servidor ha rechazado %2.</translation>
    </message>
    <message>
        <source>The waiting changes include %1 health snapshots, sent after their accounts.</source>
        <translation>Los cambios en espera incluyen %1 instantáneas de salud, que se envían después de sus cuentas.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Sent, waiting for the server&apos;s reply</source>
        <translation>Enviado, a la espera de la respuesta del servidor</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rechazado: %1</translation>
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
        <translation>Filtrar por nombre, responsable, sector, segmento o etiqueta (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation>Filtrar cuentas</translation>
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
        <translation>Plazo de renovación</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>Health %1</source>
        <translation>Health score %1</translation>
    </message>
    <message>
        <source>Renewal: any time</source>
        <translation>Renovación: cualquier fecha</translation>
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
        <translation>En 180 días o menos</translation>
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
        <translation>Leyendo la cartera</translation>
    </message>
    <message>
        <source>Drawing the charts</source>
        <translation>Dibujando los gráficos</translation>
    </message>
    <message>
        <source>Laying out the PDF</source>
        <translation>Maquetando el PDF</translation>
    </message>
    <message>
        <source>Portfolio report as of {date}</source>
        <translation>Informe de cartera a {date}</translation>
    </message>
    <message>
        <source>ARR by health, renewals and accounts needing attention</source>
        <translation>ARR por health score, renovaciones y cuentas que requieren atención</translation>
    </message>
    <message>
        <source>Portfolio report · internal</source>
        <translation>Informe de cartera · interno</translation>
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
        <translation>Informe de cartera</translation>
    </message>
    <message>
        <source>Customer portfolio</source>
        <translation>Cartera de clientes</translation>
    </message>
    <message>
        <source>As of {date} · {count} accounts</source>
        <translation>A {date} · {count} cuentas</translation>
    </message>
    <message>
        <source>Prepared on {date}</source>
        <translation>Preparado el {date}</translation>
    </message>
    <message>
        <source>As of {date} · 1 account</source>
        <translation>A {date} · 1 cuenta</translation>
    </message>
    <message>
        <source>ARR by health colour</source>
        <translation>ARR por color de health score</translation>
    </message>
    <message>
        <source>The portfolio has no accounts.</source>
        <translation>La cartera no tiene cuentas.</translation>
    </message>
    <message>
        <source>Total ARR</source>
        <translation>ARR total</translation>
    </message>
    <message>
        <source>At-risk ARR (red, or yellow and declining)</source>
        <translation>ARR en riesgo (rojo, o amarillo y empeorando)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Requieren atención</translation>
    </message>
    <message>
        <source>Accounts by health colour</source>
        <translation>Cuentas por color de health score</translation>
    </message>
    <message>
        <source>1 account bills in another currency and is left out of the ARR totals.</source>
        <translation>1 cuenta factura en otra moneda y no se incluye en los totales de ARR.</translation>
    </message>
    <message>
        <source>{count} accounts bill in another currency and are left out of the ARR totals.</source>
        <translation>{count} cuentas facturan en otra moneda y no se incluyen en los totales de ARR.</translation>
    </message>
    <message>
        <source>ARR renewing by quarter</source>
        <translation>ARR que se renueva por trimestre</translation>
    </message>
    <message>
        <source>Renewals by quarter</source>
        <translation>Renovaciones por trimestre</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renovaciones</translation>
    </message>
    <message>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <source>Health movement over 90 days</source>
        <translation>Evolución del health score en 90 días</translation>
    </message>
    <message>
        <source>Rows: colour about 90 days earlier. Columns: colour now.</source>
        <translation>Filas: color hace unos 90 días. Columnas: color actual.</translation>
    </message>
    <message>
        <source>Before \ now</source>
        <translation>Antes \ ahora</translation>
    </message>
    <message>
        <source>Accounts needing attention</source>
        <translation>Cuentas que requieren atención</translation>
    </message>
    <message>
        <source>Red, or yellow and declining, or renewing within 90 days without green health. Largest ARR first.</source>
        <translation>Rojas, o amarillas y empeorando, o con renovación en 90 días o menos sin health score verde. Primero las de mayor ARR.</translation>
    </message>
    <message>
        <source>No account needs attention.</source>
        <translation>Ninguna cuenta requiere atención.</translation>
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
        <translation>Resumen por CSM</translation>
    </message>
    <message>
        <source>No account has an owner CSM, so there is no roll-up by CSM.</source>
        <translation>Ninguna cuenta tiene un CSM responsable, así que no hay resumen por CSM.</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>sin responsable</translation>
    </message>
    <message>
        <source>CSM</source>
        <translation>CSM</translation>
    </message>
    <message>
        <source>At-risk ARR</source>
        <translation>ARR en riesgo</translation>
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
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation>Leído como: %1</translation>
    </message>
    <message>
        <source>Title rows skipped: %1</source>
        <translation>Filas de título omitidas: %1</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Erased contact</source>
        <translation>Contacto borrado</translation>
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
        <source>The goal due this quarter was achieved.</source>
        <translation>Se consiguió el objetivo previsto para este trimestre.</translation>
    </message>
    <message>
        <source>The goal due this quarter was not achieved.</source>
        <translation>No se consiguió el objetivo previsto para este trimestre.</translation>
    </message>
    <message>
        <source>Health moved from {start} to {end} over the quarter.</source>
        <translation>El health score pasó de {start} a {end} durante el trimestre.</translation>
    </message>
    <message>
        <source>Health stood at {end} at the end of the quarter.</source>
        <translation>El health score cerró el trimestre en {end}.</translation>
    </message>
    <message>
        <source>Product use rose {percent} over the previous quarter.</source>
        <translation>El uso del producto creció un {percent} respecto al trimestre anterior.</translation>
    </message>
    <message>
        <source>Product use fell {percent} against the previous quarter.</source>
        <translation>El uso del producto bajó un {percent} respecto al trimestre anterior.</translation>
    </message>
    <message>
        <source>Product use held steady against the previous quarter.</source>
        <translation>El uso del producto se mantuvo estable respecto al trimestre anterior.</translation>
    </message>
    <message>
        <source>Active users rose {percent} over the quarter.</source>
        <translation>Los usuarios activos crecieron un {percent} durante el trimestre.</translation>
    </message>
    <message>
        <source>Active users fell {percent} over the quarter.</source>
        <translation>Los usuarios activos bajaron un {percent} durante el trimestre.</translation>
    </message>
    <message>
        <source>Active users held steady over the quarter.</source>
        <translation>Los usuarios activos se mantuvieron estables durante el trimestre.</translation>
    </message>
    <message>
        <source>{achieved} of {planned} goals due this quarter were achieved.</source>
        <translation>Se consiguieron {achieved} de los {planned} objetivos previstos para este trimestre.</translation>
    </message>
    <message>
        <source>1 support ticket was opened (still open: {open}).</source>
        <translation>Se abrió 1 ticket de soporte (siguen abiertos: {open}).</translation>
    </message>
    <message>
        <source>{count} support tickets were opened (still open: {open}).</source>
        <translation>Se abrieron {count} tickets de soporte (siguen abiertos: {open}).</translation>
    </message>
    <message>
        <source>The Net Promoter Score was {nps} from 1 response.</source>
        <translation>El Net Promoter Score fue {nps}, a partir de 1 respuesta.</translation>
    </message>
    <message>
        <source>The Net Promoter Score was {nps} from {count} responses.</source>
        <translation>El Net Promoter Score fue {nps}, con {count} respuestas.</translation>
    </message>
    <message>
        <source>This quarter has little recorded activity to summarise.</source>
        <translation>Este trimestre hay poca actividad registrada que resumir.</translation>
    </message>
    <message>
        <source>- Achieved: {objective}</source>
        <translation>- Conseguido: {objective}</translation>
    </message>
    <message>
        <source>- {count} feature events across {features} features.</source>
        <translation>- {count} eventos de {features} funcionalidades.</translation>
    </message>
    <message>
        <source>- 1 support ticket resolved.</source>
        <translation>- 1 ticket de soporte resuelto.</translation>
    </message>
    <message>
        <source>- {count} support tickets resolved.</source>
        <translation>- {count} tickets de soporte resueltos.</translation>
    </message>
    <message>
        <source>No outcomes were recorded for this quarter yet.</source>
        <translation>Todavía no se han registrado resultados de este trimestre.</translation>
    </message>
    <message>
        <source>- 1 feature event in 1 feature.</source>
        <translation>- 1 evento de 1 funcionalidad.</translation>
    </message>
    <message>
        <source>- {count} feature events in 1 feature.</source>
        <translation>- {count} eventos de 1 funcionalidad.</translation>
    </message>
    <message>
        <source>- Review the drop in product use together and agree on actions.</source>
        <translation>- Revisar juntos la caída del uso del producto y acordar acciones.</translation>
    </message>
    <message>
        <source>- Run an enablement session on features the team has not used yet.</source>
        <translation>- Hacer una sesión de formación sobre las funcionalidades que el equipo aún no ha usado.</translation>
    </message>
    <message>
        <source>- Invite the licensed users who have not started yet.</source>
        <translation>- Invitar a los usuarios con licencia que todavía no han empezado.</translation>
    </message>
    <message>
        <source>- Follow up on the concerns raised in the latest surveys.</source>
        <translation>- Hacer seguimiento de las inquietudes planteadas en las últimas encuestas.</translation>
    </message>
    <message>
        <source>- Close out the support tickets that are still open.</source>
        <translation>- Cerrar los tickets de soporte que siguen abiertos.</translation>
    </message>
    <message>
        <source>- Agree on a new plan for: {objective}</source>
        <translation>- Acordar un nuevo plan para: {objective}</translation>
    </message>
    <message>
        <source>- Keep the current cadence and set goals for the next quarter.</source>
        <translation>- Mantener la cadencia actual y fijar objetivos para el próximo trimestre.</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha límite</translation>
    </message>
    <message>
        <source>- {objective} (due {due})</source>
        <translation>- {objective} (vence el {due})</translation>
    </message>
    <message>
        <source>- Next business review: Q{number} {year}.</source>
        <translation>- Próxima revisión de negocio: T{number} {year}.</translation>
    </message>
</context>
<context>
    <name>QbrPreviewPanel</name>
    <message>
        <source>Customer version</source>
        <translation>Versión para el cliente</translation>
    </message>
    <message>
        <source>Internal version (adds risk, ARR, forecast and internal notes)</source>
        <translation>Versión interna (añade riesgo, ARR, previsión y notas internas)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>One paragraph per line; start a line with - for a bullet.</source>
        <translation>Un párrafo por línea; una línea que empieza por - se convierte en viñeta.</translation>
    </message>
    <message>
        <source>Rewrite from data</source>
        <translation>Regenerar a partir de los datos</translation>
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
        <translation>En buen camino</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Conseguido</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>No conseguido</translation>
    </message>
    <message>
        <source>Overdue, not achieved</source>
        <translation>Vencido sin conseguir</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>solucionado</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>Best case</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Health is red</source>
        <translation>El health score está en rojo</translation>
    </message>
    <message>
        <source>Health fell by 5 points or more over the quarter</source>
        <translation>El health score bajó 5 puntos o más durante el trimestre</translation>
    </message>
    <message>
        <source>Feature use fell by 20% or more against the previous quarter</source>
        <translation>El uso de funcionalidades bajó un 20 % o más respecto al trimestre anterior</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>Facturas vencidas</translation>
    </message>
    <message>
        <source>NPS detractors this quarter</source>
        <translation>Detractores NPS este trimestre</translation>
    </message>
    <message>
        <source>Escalated support tickets</source>
        <translation>Tickets de soporte escalados</translation>
    </message>
    <message>
        <source>Renewal within 90 days of the quarter&apos;s end</source>
        <translation>Renovación en los 90 días siguientes al cierre del trimestre</translation>
    </message>
    <message>
        <source>Has churned before</source>
        <translation>Ya ha hecho churn antes</translation>
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
        <translation>Dibujando los gráficos</translation>
    </message>
    <message>
        <source>Laying out the PDF</source>
        <translation>Maquetando el PDF</translation>
    </message>
    <message>
        <source>Quarterly Business Review</source>
        <translation>Revisión trimestral de negocio (QBR)</translation>
    </message>
    <message>
        <source>Quarterly Business Review · internal, do not share</source>
        <translation>Revisión trimestral de negocio (QBR) · interna, no compartir</translation>
    </message>
    <message>
        <source>Health, usage, goals, support and feedback of {name} for {quarter}</source>
        <translation>Health score, uso, objetivos, soporte y feedback de {name} en {quarter}</translation>
    </message>
    <message>
        <source>The PDF fonts have no glyph for these characters, so they will not print: {chars}</source>
        <translation>Las fuentes del PDF no tienen glifos para estos caracteres, así que no se imprimirán: {chars}</translation>
    </message>
    <message>
        <source>Score by measure</source>
        <translation>Puntuación por medida</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplicable</translation>
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
        <translation>Revisión trimestral de negocio (QBR): versión interna, no compartir</translation>
    </message>
    <message>
        <source>{achieved} of {planned}</source>
        <translation>{achieved} de {planned}</translation>
    </message>
    <message>
        <source>Health at quarter end</source>
        <translation>Health score al cierre del trimestre</translation>
    </message>
    <message>
        <source>Product use vs previous quarter</source>
        <translation>Uso del producto frente al trimestre anterior</translation>
    </message>
    <message>
        <source>Goals achieved</source>
        <translation>Objetivos conseguidos</translation>
    </message>
    <message>
        <source>Net Promoter Score</source>
        <translation>Net Promoter Score</translation>
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
        <translation>Desglose por medida</translation>
    </message>
    <message>
        <source>No measure breakdown is available for this quarter.</source>
        <translation>No hay desglose por medida para este trimestre.</translation>
    </message>
    <message>
        <source>Score of {date}, from {used} of {total} measures.</source>
        <translation>Puntuación del {date}, a partir de {used} de {total} medidas.</translation>
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
        <translation>Peso</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
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
        <source>The previous quarter had 1 feature event.</source>
        <translation>El trimestre anterior tuvo 1 evento de funcionalidades.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Mean daily active users</source>
        <translation>Media de usuarios activos diarios</translation>
    </message>
    <message>
        <source>Mean daily active users, previous quarter</source>
        <translation>Media de usuarios activos diarios, trimestre anterior</translation>
    </message>
    <message>
        <source>Seat utilisation</source>
        <translation>Uso de licencias</translation>
    </message>
    <message>
        <source>Features used (of {available} in use across customers)</source>
        <translation>Funcionalidades usadas (de {available} en uso entre todos los clientes)</translation>
    </message>
    <message>
        <source>Features used, previous quarter</source>
        <translation>Funcionalidades usadas, trimestre anterior</translation>
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
        <translation>No se registraron objetivos del plan de éxito para este trimestre.</translation>
    </message>
    <message>
        <source>No goals fell due this quarter; open goals are listed below.</source>
        <translation>Ningún objetivo vencía este trimestre; los objetivos abiertos se detallan a continuación.</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>{status} on {date}</source>
        <translation>{status} el {date}</translation>
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
        <source>CSAT (responses: {count})</source>
        <translation>CSAT (respuestas: {count})</translation>
    </message>
    <message>
        <source>CSAT out of {max} (responses: {count})</source>
        <translation>CSAT sobre {max} (respuestas: {count})</translation>
    </message>
    <message>
        <source>NPS (responses: {count})</source>
        <translation>NPS (respuestas: {count})</translation>
    </message>
    <message>
        <source>Promoters: {promoters}, passives: {passives}, detractors: {detractors}.</source>
        <translation>Promotores: {promoters}, pasivos: {passives}, detractores: {detractors}.</translation>
    </message>
    <message>
        <source>Tickets by priority</source>
        <translation>Tickets por prioridad</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>No NPS or CSAT survey responses were recorded in {quarter}.</source>
        <translation>No se registraron respuestas de encuestas NPS ni CSAT en {quarter}.</translation>
    </message>
    <message>
        <source>NPS previous quarter</source>
        <translation>NPS del trimestre anterior</translation>
    </message>
    <message>
        <source>In their words</source>
        <translation>En sus palabras</translation>
    </message>
    <message>
        <source>No comments came with the responses.</source>
        <translation>Las respuestas no incluían comentarios.</translation>
    </message>
    <message>
        <source>{kind} {score}, {date}</source>
        <translation>{kind} {score}, {date}</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalados</translation>
    </message>
    <message>
        <source>Mean ticket satisfaction (1–5; ratings: {count})</source>
        <translation>Satisfacción media con los tickets (1–5; valoraciones: {count})</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Siguen abiertos</translation>
    </message>
    <message>
        <source>{date} ({days} days after the quarter&apos;s end)</source>
        <translation>{date} ({days} días después del cierre del trimestre)</translation>
    </message>
    <message>
        <source>{date} (before the quarter&apos;s end)</source>
        <translation>{date} (antes del cierre del trimestre)</translation>
    </message>
    <message>
        <source>no renewal date recorded</source>
        <translation>sin fecha de renovación registrada</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} meses</translation>
    </message>
    <message>
        <source>Licensed seats</source>
        <translation>Licencias contratadas</translation>
    </message>
    <message>
        <source>Billing term</source>
        <translation>Periodo de facturación</translation>
    </message>
    <message>
        <source>Invoices issued this quarter</source>
        <translation>Facturas emitidas este trimestre</translation>
    </message>
    <message>
        <source>No invoices were issued this quarter.</source>
        <translation>No se emitieron facturas este trimestre.</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Facturas</translation>
    </message>
    <message>
        <source>Total invoiced</source>
        <translation>Total facturado</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Not yet paid</source>
        <translation>Pendiente de pago</translation>
    </message>
    <message>
        <source>Overdue at quarter end</source>
        <translation>Vencido al cierre del trimestre</translation>
    </message>
    <message>
        <source>{date} (the quarter&apos;s last day)</source>
        <translation>{date} (último día del trimestre)</translation>
    </message>
    <message>
        <source>{date} (1 day after the quarter&apos;s end)</source>
        <translation>{date} (1 día después del cierre del trimestre)</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mes</translation>
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
        <translation>derivada del color del health score</translation>
    </message>
    <message>
        <source>CSM forecast</source>
        <translation>Previsión del CSM</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Etapa del ciclo de vida</translation>
    </message>
    <message>
        <source>Forecast category ({source})</source>
        <translation>Categoría de previsión ({source})</translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation>Probabilidad de renovación</translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation>ARR previsto</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Nivel de riesgo</translation>
    </message>
    <message>
        <source>Upgrades / downgrades to date</source>
        <translation>Upgrades / downgrades hasta la fecha</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Factores de riesgo</translation>
    </message>
    <message>
        <source>No risk factors this quarter.</source>
        <translation>No hay factores de riesgo este trimestre.</translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation>Notas de riesgo</translation>
    </message>
    <message>
        <source>Expansion opportunities</source>
        <translation>Oportunidades de expansión</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Oportunidad</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Cierre previsto</translation>
    </message>
    <message>
        <source>Churn history and reasons</source>
        <translation>Historial y motivos de churn</translation>
    </message>
    <message>
        <source>reactivation</source>
        <translation>reactivación</translation>
    </message>
    <message>
        <source>churn</source>
        <translation>churn</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>No churn events are recorded for this account.</source>
        <translation>No hay eventos de churn registrados para esta cuenta.</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <source>No internal notes were recorded this quarter.</source>
        <translation>No se registraron notas internas este trimestre.</translation>
    </message>
    <message>
        <source>Weekly feature events</source>
        <translation>Eventos de funcionalidades por semana</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <source>No product usage was recorded this quarter.</source>
        <translation>No se registró uso del producto este trimestre.</translation>
    </message>
    <message>
        <source>Support tickets opened this quarter</source>
        <translation>Tickets de soporte abiertos este trimestre</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
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
        <translation>Horas hasta la resolución</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>No support tickets were opened this quarter.</source>
        <translation>No se abrieron tickets de soporte este trimestre.</translation>
    </message>
    <message>
        <source>Health score: a weighted score from 0 to 100 of the measures that have data, shown in green, yellow and red bands.</source>
        <translation>Health score: puntuación ponderada de 0 a 100 de las medidas que tienen datos, mostrada en franjas verde, amarilla y roja.</translation>
    </message>
    <message>
        <source>NPS: share of promoters (9–10) minus share of detractors (0–6), from -100 to 100.</source>
        <translation>NPS: porcentaje de promotores (9–10) menos porcentaje de detractores (0–6), de -100 a 100.</translation>
    </message>
    <message>
        <source>Seat utilisation: mean daily seats used, or active users, divided by licensed seats.</source>
        <translation>Uso de licencias: media diaria de licencias usadas, o de usuarios activos, dividida entre las licencias contratadas.</translation>
    </message>
    <message>
        <source>Feature events: product events recorded per feature in the usage export.</source>
        <translation>Eventos de funcionalidades: eventos de producto registrados por funcionalidad en la exportación de uso.</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definiciones</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
</context>
<context>
    <name>QuickNote</name>
    <message>
        <source>&amp;Quick note…</source>
        <translation>Nota &amp;rápida…</translation>
    </message>
</context>
<context>
    <name>QuickNoteDialog</name>
    <message>
        <source>Quick note</source>
        <translation>Nota rápida</translation>
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
    <name>RecordEditing</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Your portfolio file could not be opened.</source>
        <translation>No se ha podido abrir el archivo de la cartera.</translation>
    </message>
    <message>
        <source>Problem found: %1
File moved to: %2</source>
        <translation>Problema detectado: %1
Archivo movido a: %2</translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation>Restaurar la copia de seguridad del %1</translation>
    </message>
    <message>
        <source>Start with an empty portfolio</source>
        <translation>Empezar con una cartera vacía</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>RejectedRowsButton</name>
    <message>
        <source>Save every rejected row…</source>
        <translation>Guardar todas las filas rechazadas…</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Guardar las filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved to %1: %2. Choose another folder.</source>
        <translation>No se pudieron guardar las filas rechazadas en %1: %2. Elige otra carpeta.</translation>
    </message>
</context>
<context>
    <name>RejectionLog</name>
    <message>
        <source>Line in source file</source>
        <translation>Línea en el archivo de origen</translation>
    </message>
    <message>
        <source>Rejection reasons</source>
        <translation>Motivos del rechazo</translation>
    </message>
</context>
<context>
    <name>RenewalTab</name>
    <message>
        <source>Renewal forecast</source>
        <translation>Previsión de renovación</translation>
    </message>
    <message>
        <source>Forecast ARR</source>
        <translation>ARR previsto</translation>
    </message>
    <message>
        <source>Renewal probability</source>
        <translation>Probabilidad de renovación</translation>
    </message>
    <message>
        <source>Forecast category</source>
        <translation>Categoría de previsión</translation>
    </message>
    <message>
        <source>What could stop the renewal, and the plan</source>
        <translation>Qué podría impedir la renovación y cuál es el plan</translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation>Notas de riesgo</translation>
    </message>
    <message>
        <source>Save &amp;forecast</source>
        <translation>&amp;Guardar previsión</translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Fecha de renovación</translation>
    </message>
    <message>
        <source>Current ARR</source>
        <translation>ARR actual</translation>
    </message>
    <message>
        <source>Forecast &amp;ARR</source>
        <translation>&amp;ARR previsto</translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation>&amp;Probabilidad</translation>
    </message>
    <message>
        <source>Forecast &amp;category</source>
        <translation>&amp;Categoría de previsión</translation>
    </message>
    <message>
        <source>&amp;Risk notes</source>
        <translation>Notas de &amp;riesgo</translation>
    </message>
    <message>
        <source>Expansion opportunities</source>
        <translation>Oportunidades de expansión</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Cierre previsto</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Oportunidad</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Nueva oportunidad</translation>
    </message>
    <message>
        <source>Opportunity title</source>
        <translation>Título de la oportunidad</translation>
    </message>
    <message>
        <source>Opportunity amount</source>
        <translation>Importe de la oportunidad</translation>
    </message>
    <message>
        <source>Opportunity stage</source>
        <translation>Etapa de la oportunidad</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>Sin fecha de cierre</translation>
    </message>
    <message>
        <source>Notes, e.g. who asked for it</source>
        <translation>Notas, p. ej. quién la pidió</translation>
    </message>
    <message>
        <source>Opportunity notes</source>
        <translation>Notas de la oportunidad</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Nue&amp;va</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Add &amp;opportunity</source>
        <translation>Añadir &amp;oportunidad</translation>
    </message>
    <message>
        <source>Set &amp;stage of selected</source>
        <translation>Cambiar la &amp;etapa de la seleccionada</translation>
    </message>
    <message>
        <source>Open pipeline: %1</source>
        <translation>Pipeline abierto: %1</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Guar&amp;dar cambios</translation>
    </message>
    <message>
        <source>Forecast not saved: %1</source>
        <translation>Previsión no guardada: %1</translation>
    </message>
    <message>
        <source>Forecast saved.</source>
        <translation>Previsión guardada.</translation>
    </message>
    <message>
        <source>Opportunity not saved: %1</source>
        <translation>Oportunidad no guardada: %1</translation>
    </message>
    <message>
        <source>Select an opportunity to delete first.</source>
        <translation>Primero selecciona la oportunidad que quieres eliminar.</translation>
    </message>
    <message>
        <source>Delete the opportunity “%1”?</source>
        <translation>¿Eliminar la oportunidad «%1»?</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>Eliminar oportunidad</translation>
    </message>
    <message>
        <source>Select an opportunity first.</source>
        <translation>Primero hay que seleccionar una oportunidad.</translation>
    </message>
</context>
<context>
    <name>ReportSettingsPage</name>
    <message>
        <source>The account owner</source>
        <translation>El responsable de la cuenta</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>By locale (Letter in the US and Canada, else A4)</source>
        <translation>Según la configuración regional (Letter en EE. UU. y Canadá; A4 en los demás casos)</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nombre de la empresa</translation>
    </message>
    <message>
        <source>CSM name</source>
        <translation>Nombre del CSM</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG)</source>
        <translation>Logotipo (PNG o JPEG)</translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation>Color principal</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Color de acento</translation>
    </message>
    <message>
        <source>File name pattern</source>
        <translation>Patrón de nombre de archivo</translation>
    </message>
    <message>
        <source>Fields: {account}, {quarter}, {version} (customer or internal), {date}.</source>
        <translation>Campos: {account}, {quarter}, {version} (customer o internal), {date}.</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño de papel</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Elegir un color</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Elegir un logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Ejemplo: %1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
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
        <translation>&amp;Vista:</translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation>Vista guardada</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Guardar vista…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Eliminar vista</translation>
    </message>
    <message>
        <source>Default view</source>
        <translation>Vista predeterminada</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Guardar vista</translation>
    </message>
    <message>
        <source>Name of the view (an existing view of that name is replaced):</source>
        <translation>Nombre de la vista (si ya existe una vista con ese nombre, se sustituye):</translation>
    </message>
    <message>
        <source>The view could not be stored: %1</source>
        <translation>No se ha podido guardar la vista: %1</translation>
    </message>
</context>
<context>
    <name>ScorecardEditor</name>
    <message>
        <source>segments or plan tiers, comma-separated</source>
        <translation>segmentos o niveles de plan, separados por comas</translation>
    </message>
    <message>
        <source>Preview changes</source>
        <translation>Previsualizar cambios</translation>
    </message>
    <message>
        <source>Save and recompute</source>
        <translation>Guardar y recalcular</translation>
    </message>
    <message>
        <source>Backtest…</source>
        <translation>Backtest…</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Scoring rule</source>
        <translation>Regla de puntuación</translation>
    </message>
    <message>
        <source>Valid for (days, 0 = always)</source>
        <translation>Validez (días, 0 = siempre)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Se aplica a</translation>
    </message>
    <message>
        <source>Yellow from score</source>
        <translation>Amarillo a partir de la puntuación</translation>
    </message>
    <message>
        <source>Green from score</source>
        <translation>Verde a partir de la puntuación</translation>
    </message>
    <message>
        <source>Minimum measures with data</source>
        <translation>Mínimo de medidas con datos</translation>
    </message>
    <message>
        <source>Minimum share of weight with data</source>
        <translation>Porcentaje mínimo del peso con datos</translation>
    </message>
    <message>
        <source>Stale when stale measures carry</source>
        <translation>Desactualizado si las medidas desactualizadas suman</translation>
    </message>
    <message>
        <source>Snapshot every (days, all profiles)</source>
        <translation>Calcular cada (días, todos los perfiles)</translation>
    </message>
    <message>
        <source>Rules: value:score pairs (0:0, 0.5:40, 1:75) are linear in between; score | edge | score (100 | 1 | 50) are bands, and a value equal to an edge takes the score after it. A score equal to a colour boundary takes the better colour.</source>
        <translation>Reglas: los pares valor:puntuación (0:0, 0.5:40, 1:75) son lineales entre sí; puntuación | límite | puntuación (100 | 1 | 50) son franjas, y un valor igual a un límite toma la puntuación posterior. Una puntuación igual a un umbral de color toma el mejor color.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Yellow must start at or below the green boundary.</source>
        <translation>El amarillo debe empezar en el umbral del verde o por debajo.</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Falta el nombre del perfil.</translation>
    </message>
    <message>
        <source>Suggested weights filled in; preview, then save to keep them.</source>
        <translation>Pesos sugeridos rellenados; para conservarlos, previsualizar y después guardar.</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>Calculando la vista previa…</translation>
    </message>
    <message>
        <source>No account would change colour.</source>
        <translation>Ninguna cuenta cambiaría de color.</translation>
    </message>
    <message>
        <source>%1 accounts would change colour. %2</source>
        <translation>%1 cuentas cambiarían de color. %2</translation>
    </message>
    <message>
        <source>Saved. Recomputing health…</source>
        <translation>Guardado. Recalculando el health score…</translation>
    </message>
    <message>
        <source>Recomputing health</source>
        <translation>Recalculando el health score</translation>
    </message>
    <message>
        <source>Saved and recomputed.</source>
        <translation>Guardado y recalculado.</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Backtest</translation>
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
    <message>
        <source>Team sync</source>
        <translation>Sincronización del equipo</translation>
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
        <translation>Posponer tarea</translation>
    </message>
    <message>
        <source>Why the task can wait</source>
        <translation>Por qué puede esperar la tarea</translation>
    </message>
    <message>
        <source>Snooze &amp;until</source>
        <translation>Posponer &amp;hasta</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
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
    <message>
        <source>A check found damage in your portfolio file: %1. Quit and start CSM Desktop again: it will move the damaged file aside, unchanged, and offer your newest backup. No backup was made of the damaged file.</source>
        <translation>Una comprobación ha encontrado daños en el archivo de tu cartera: %1. Sal de CSM Desktop y vuelve a abrirlo: apartará el archivo dañado, sin cambios, y te ofrecerá tu copia de seguridad más reciente. No se ha hecho ninguna copia de seguridad del archivo dañado.</translation>
    </message>
    <message>
        <source>the file is not an SQLite database</source>
        <translation>el archivo no es una base de datos SQLite</translation>
    </message>
    <message>
        <source>the file cannot be opened (%1)</source>
        <translation>el archivo no se puede abrir (%1)</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>el archivo está dañado (%1)</translation>
    </message>
    <message>
        <source>CSM Desktop is already running with %1 open.</source>
        <translation>CSM Desktop ya está abierto con %1.</translation>
    </message>
    <message>
        <source>CSM Desktop is already running with %1 open (process %2).</source>
        <translation>CSM Desktop ya está abierto con %1 (proceso %2).</translation>
    </message>
    <message>
        <source>Switch to that window, or close it and start again. Two copies writing the same portfolio could overwrite each other&apos;s changes.</source>
        <translation>Cambia a esa ventana, o ciérrala y vuelve a abrir la aplicación. Dos copias escribiendo en la misma cartera podrían sobrescribir los cambios de la otra.</translation>
    </message>
    <message>
        <source>Your data folder is inside %1. Sync services can copy the database while it is being written and damage it. Move the data folder out of it (set CSM_DESKTOP_DATA_DIR or use --db) and rely on the app&apos;s backups instead. Until then the app uses a slower, safer journal mode.</source>
        <translation>Tu carpeta de datos está dentro de %1. Los servicios de sincronización pueden copiar la base de datos mientras se escribe y dañarla. Saca la carpeta de datos de ahí (define CSM_DESKTOP_DATA_DIR o usa --db) y confía en las copias de seguridad de la aplicación. Hasta entonces, la aplicación usa un modo de diario más lento y más seguro.</translation>
    </message>
    <message>
        <source>Your data folder is on a network share (%1). SQLite cannot lock files reliably there, so two computers could damage the database. Move it to a local disk. Until then the app uses a slower, safer journal mode.</source>
        <translation>Tu carpeta de datos está en una carpeta de red (%1). SQLite no puede bloquear archivos de forma fiable ahí, así que dos equipos podrían dañar la base de datos. Muévela a un disco local. Hasta entonces, la aplicación usa un modo de diario más lento y más seguro.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Cancelar sincronización</translation>
    </message>
    <message>
        <source>&amp;Pending changes…</source>
        <translation>Cambios &amp;pendientes…</translation>
    </message>
    <message>
        <source>C&amp;onflicts and proposals…</source>
        <translation>C&amp;onflictos y propuestas…</translation>
    </message>
    <message>
        <source>Changes the server &amp;lost…</source>
        <translation>Cambios que el servidor &amp;perdió…</translation>
    </message>
    <message>
        <source>Team sync &amp;settings…</source>
        <translation>Con&amp;figuración de la sincronización del equipo…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync is not set up: open Settings &gt; Team sync.</source>
        <translation>La sincronización no está configurada: abrir Configuración &gt; Sincronización del equipo.</translation>
    </message>
    <message>
        <source>Syncing with the team server…</source>
        <translation>Sincronizando con el servidor del equipo…</translation>
    </message>
    <message>
        <source>Last sync: %1 sent, %2 received.</source>
        <translation>Última sincronización: %1 enviados, %2 recibidos.</translation>
    </message>
    <message>
        <source>Sync cancelled; it runs again later.</source>
        <translation>Sincronización cancelada; se volverá a ejecutar más tarde.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Servidor: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>The server address must start with https://. Plain http:// is accepted only for a server on this computer (127.0.0.1 or localhost).</source>
        <translation>La dirección del servidor debe empezar por https://. Solo se acepta http:// para un servidor en este ordenador (127.0.0.1 o localhost).</translation>
    </message>
    <message>
        <source>Cannot reach the sync server at %1. Check the address and the network, or ask your team admin whether the server is running. Your changes are kept here and are sent at the next sync.</source>
        <translation>No se puede conectar con el servidor de sincronización en %1. Comprueba la dirección y la red, o pregunta a la persona que administra tu equipo si el servidor está en marcha. Tus cambios se guardan aquí y se envían en la próxima sincronización.</translation>
    </message>
    <message>
        <source>this address</source>
        <translation>esta dirección</translation>
    </message>
    <message>
        <source>The server did not accept the personal access token: it is wrong, expired or revoked. Ask your team admin for a new token and enter it under Settings &gt; Team sync. Your local data is kept.</source>
        <translation>El servidor no aceptó el token de acceso personal: es incorrecto, caducó o se revocó. Pide un token nuevo a tu administrador e introdúcelo en Configuración &gt; Sincronización del equipo. Tus datos locales se conservan.</translation>
    </message>
    <message>
        <source>The team server needs a newer version of this app: %1</source>
        <translation>El servidor del equipo necesita una versión más reciente de esta aplicación: %1</translation>
    </message>
    <message>
        <source>A sync is already running; wait for it to finish.</source>
        <translation>Ya hay una sincronización en curso; espera a que termine.</translation>
    </message>
    <message>
        <source>The sync server returned an error: %1</source>
        <translation>El servidor de sincronización ha devuelto un error: %1</translation>
    </message>
    <message>
        <source>A change from the team server could not be stored here (%1 %2, rule %3). Nothing was lost: the next sync tries it again. If this repeats, send the log to support.</source>
        <translation>Un cambio del servidor del equipo no se pudo guardar aquí (%1 %2, regla %3). No se perdió nada: la siguiente sincronización lo vuelve a intentar. Si se repite, envía el registro a soporte.</translation>
    </message>
    <message>
        <source>The token is too large to keep in this computer&apos;s keyring (over %1 KiB). Check that you pasted only the token. Nothing was stored.</source>
        <translation>El token es demasiado grande para guardarlo en el llavero de este equipo (más de %1 KiB). Comprueba que pegaste solo el token. No se guardó nada.</translation>
    </message>
    <message>
        <source>The address %1 answered, but not as a CSM Desktop team server.</source>
        <translation>La dirección %1 ha respondido, pero no como un servidor de equipo de CSM Desktop.</translation>
    </message>
    <message>
        <source>given</source>
        <translation>indicada</translation>
    </message>
    <message>
        <source>Sync failed: %1. The log has the details.</source>
        <translation>La sincronización ha fallado: %1. El registro tiene los detalles.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is ahead of the team server&apos;s clock, so the server rejected the change. Set the correct date, time and time zone in the system settings, then sync again.</source>
        <translation>El reloj de este ordenador va adelantado respecto al del servidor del equipo, así que el servidor ha rechazado el cambio. Pon la fecha, la hora y la zona horaria correctas en la configuración del sistema y vuelve a sincronizar.</translation>
    </message>
    <message>
        <source>The server rejected an invalid value: %1</source>
        <translation>El servidor ha rechazado un valor no válido: %1</translation>
    </message>
    <message>
        <source>You may not change this record: %1</source>
        <translation>No puedes cambiar este registro: %1</translation>
    </message>
    <message>
        <source>The record was deleted on the server, so your change was not applied: %1. To apply it, restore the record in Sync &gt; Conflicts and proposals.</source>
        <translation>El registro se eliminó en el servidor, así que tu cambio no se aplicó: %1. Para aplicarlo, restaura el registro en Sincronización &gt; Conflictos y propuestas.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server: %1</source>
        <translation>El registro ya no existe en el servidor: %1</translation>
    </message>
    <message>
        <source>The server rejected the change (%1): %2</source>
        <translation>El servidor ha rechazado el cambio (%1): %2</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPage</name>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>Paste the personal access token from your team admin</source>
        <translation>Token de acceso personal proporcionado por el administrador del equipo</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Token de acceso personal</translation>
    </message>
    <message>
        <source>Remember the token in the system keyring</source>
        <translation>Recordar el token en el llavero del sistema</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>Cancelar comprobación</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL del servidor:</translation>
    </message>
    <message>
        <source>&amp;Personal access token:</source>
        <translation>&amp;Token de acceso personal:</translation>
    </message>
    <message>
        <source>The personal access token was not saved. Press Connect on the Team sync page to check and save it, or clear the token field.</source>
        <translation>El token de acceso personal no se ha guardado. Para comprobarlo y guardarlo, hay que pulsar Conectar en la página Sincronización del equipo, o bien vaciar el campo del token.</translation>
    </message>
    <message>
        <source>Enter the server URL and the personal access token first.</source>
        <translation>Primero hay que indicar la URL del servidor y el token de acceso personal.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>Conectado a %1 como %2.</translation>
    </message>
    <message>
        <source>Not connected. Sync is optional; the app works fully offline.</source>
        <translation>Sin conexión. La sincronización es opcional; la aplicación funciona por completo sin conexión.</translation>
    </message>
    <message>
        <source>No keyring available: %1</source>
        <translation>No hay ningún llavero disponible: %1</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Comprobación cancelada.</translation>
    </message>
    <message>
        <source>Sync is on.</source>
        <translation>La sincronización está activada.</translation>
    </message>
    <message>
        <source>The server accepted the token of %1 (%2).</source>
        <translation>El servidor ha aceptado el token de %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync: not connected</source>
        <translation>Sincronización: sin conexión</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Signed out — sign in again</source>
        <translation>Sesión cerrada: volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflictos: %1</translation>
    </message>
    <message>
        <source>Changes lost by the server: %1</source>
        <translation>Cambios perdidos por el servidor: %1</translation>
    </message>
    <message>
        <source>Pending changes: %1</source>
        <translation>Cambios pendientes: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Rejected changes: %1</source>
        <translation>Cambios rechazados: %1</translation>
    </message>
    <message>
        <source>Last sync failed</source>
        <translation>Falló la última sincronización</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronización</translation>
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
        <translation>Tareas</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Completar</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>&amp;Posponer…</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Apply &amp;playbook</source>
        <translation>Aplicar play&amp;book</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <source>New task title</source>
        <translation>Título de la nueva tarea</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Tipo de tarea</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>&amp;Add task</source>
        <translation>&amp;Añadir tarea</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Pospuesta hasta el %1</translation>
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
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <source>%1 tasks created from the playbook “%2”.</source>
        <translation>%1 tareas creadas a partir del playbook «%2».</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Show entries of type</source>
        <translation>Mostrar entradas del tipo</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Todas las entradas</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>Todas las notas</translation>
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
        <translation>Buscar en las notas (acentos opcionales)</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Buscar en las notas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entradas</translation>
    </message>
    <message>
        <source>%1 notes match</source>
        <translation>%1 notas coinciden</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Overdue (%1)</source>
        <translation>Vencidas (%1)</translation>
    </message>
    <message>
        <source>Within 30 days (%1)</source>
        <translation>En los próximos 30 días (%1)</translation>
    </message>
    <message>
        <source>In 31 to 60 days (%1)</source>
        <translation>Entre 31 y 60 días (%1)</translation>
    </message>
    <message>
        <source>In 61 to 90 days (%1)</source>
        <translation>Entre 61 y 90 días (%1)</translation>
    </message>
    <message>
        <source>Due today (%1)</source>
        <translation>Vencen hoy (%1)</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 días de retraso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
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
        <source>&amp;Undo</source>
        <translation>Des&amp;hacer</translation>
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
        <source>Today could not be read because your portfolio file is damaged. Quit and start CSM Desktop again: it will move the damaged file aside, unchanged, and offer your newest backup.</source>
        <translation>No se pudo leer Hoy porque el archivo de tu cartera está dañado. Cierra CSM Desktop y vuelve a abrirlo: apartará el archivo dañado, sin cambios, y te ofrecerá tu copia de seguridad más reciente.</translation>
    </message>
    <message>
        <source>Today could not be loaded. The log has the details: %1</source>
        <translation>No se pudo cargar Hoy. El registro tiene los detalles: %1</translation>
    </message>
    <message>
        <source>Today could not be loaded</source>
        <translation>No se pudo cargar Hoy</translation>
    </message>
    <message>
        <source>Undo dismiss (%1)</source>
        <translation>Deshacer descarte (%1)</translation>
    </message>
    <message>
        <source>Undo snooze (%1)</source>
        <translation>Deshacer posposición (%1)</translation>
    </message>
    <message>
        <source>Hide the selected change for %1 days; set the period in Settings.</source>
        <translation>Oculta el cambio seleccionado durante %1 días; ajusta el periodo en Configuración.</translation>
    </message>
</context>
<context>
    <name>ValidatePage</name>
    <message>
        <source>Validate</source>
        <translation>Validar</translation>
    </message>
    <message>
        <source>Every row is checked; nothing is written yet.</source>
        <translation>Se comprueba cada fila; todavía no se escribe nada.</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>Volver a validar</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Comprobando cada fila…</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Validando…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message numerus="yes">
        <source>Import %n account(s)</source>
        <translation>
            <numerusform>Importar %n cuenta</numerusform>
            <numerusform>Importar %n cuentas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n contact(s)</source>
        <translation>
            <numerusform>Importar %n contacto</numerusform>
            <numerusform>Importar %n contactos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n subscription(s)</source>
        <translation>
            <numerusform>Importar %n suscripción</numerusform>
            <numerusform>Importar %n suscripciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n usage record(s)</source>
        <translation>
            <numerusform>Importar %n registro de uso</numerusform>
            <numerusform>Importar %n registros de uso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n survey response(s)</source>
        <translation>
            <numerusform>Importar %n respuesta de encuesta</numerusform>
            <numerusform>Importar %n respuestas de encuesta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n ticket(s)</source>
        <translation>
            <numerusform>Importar %n ticket</numerusform>
            <numerusform>Importar %n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n invoice(s)</source>
        <translation>
            <numerusform>Importar %n factura</numerusform>
            <numerusform>Importar %n facturas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n churn event(s)</source>
        <translation>
            <numerusform>Importar %n baja</numerusform>
            <numerusform>Importar %n bajas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n activity(ies)</source>
        <translation>
            <numerusform>Importar %n actividad</numerusform>
            <numerusform>Importar %n actividades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Importar %n fila</numerusform>
            <numerusform>Importar %n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Day first (31/12/2024)</source>
        <translation>Día primero (31/12/2024)</translation>
    </message>
    <message>
        <source>Month first (12/31/2024)</source>
        <translation>Mes primero (12/31/2024)</translation>
    </message>
    <message>
        <source>Dates in %1 (e.g. %2):</source>
        <translation>Fechas en %1 (p. ej. %2):</translation>
    </message>
    <message>
        <source>Go back and choose the survey scale.</source>
        <translation>Volver atrás y elegir la escala de la encuesta.</translation>
    </message>
</context>
</TS>
