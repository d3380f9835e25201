# The Architect's Audit: el catálogo en español (traducción del inglés, assets/locales/en).
# Las cifras llegan ya formateadas; { $nombre } es un argumento y no se traduce.

tier-waiting = esperando tu diseño

tier-oom = sin memoria · fuera de servicio

hud-locked = bloqueada

reading-notes = Cómo se leyó tu ledger

backups = Copias de seguridad

backups-explain = Antes de cada importación, restauración o nuevo comienzo se guarda una copia. Restaurar una guarda antes una copia de lo que hay ahora, así que no se pierde nada.

restore = Restaurar

window-title = The Architect's Audit — Laboratorio 16 de Sistemas de ML

title = The Architect's Audit

subtitle = Volumen I, Laboratorio 16 (proyecto final)

source-label = Usuarios

tier-cloud = Nube
tier-edge = Edge
tier-mobile = Móvil
tier-tiny = TinyML

panel-metrics = Física en vivo

stage-1 = Etapa 1 — Hardware de la nube

stage-2 = Etapa 2 — Cuantización

stage-3 = Etapa 3 — Estrategia de servicio

stage-4 = Etapa 4 — Frecuencia de reentrenamiento

stage-5 = Etapa 5 — Umbral de equidad

stage-tiny = Submodelo TinyML

label-gpus = GPU H100

label-q-cloud = Pesos de la nube

label-q-edge = Pesos del edge

label-q-mobile = Pesos del móvil

label-kv = Caché KV de la nube

label-cadence = Días entre reentrenamientos

label-fairness = Brecha máxima de aprobación entre grupos (%)

label-tiny-params = Parámetros

label-tiny-quant = Precisión

label-model = Modelo físico

import-course-file = Importar ~/.mlsys/ledger.json

reset-all = Restablecer todo (R)

all-clear = Se cumplen todas las restricciones. Cada nivel cabe en memoria y la nube cumple todos los SLO. (El SLO de latencia es el de la nube: las peticiones de edge, móvil y TinyML se juzgan por si su dispositivo puede atenderlas, y el mundo las dibuja del mismo modo).

intro-kicker = Sistemas de Aprendizaje Automático · Volumen I · Laboratorio 16 · Proyecto final

intro-pitch = Quince laboratorios te enseñaron siete invariantes, de uno en uno. Este proyecto final los usa todos a la vez. Primero tu Design Ledger muestra cómo es de verdad tu intuición; después despliegas un modelo de lenguaje de 7B parámetros en cuatro máquinas muy distintas y descubres qué leyes muerden.

intro-acts-1 = Acto I — Arqueología del Design Ledger · 12–15 min
intro-acts-2 = Acto II — Reto de diseño de pila completa · 20–25 min
intro-acts-3 = Unos 35–40 minutos en total · todos los niveles activos

intro-badges-1 = Ley de Hierro  T = D/BW + O/R + L
intro-badges-2 = Amdahl  aceleración = 1 / (s + (1 − s)/N)
intro-badges-3 = Punto de cresta del Roofline
intro-badges-4 = Ley de Little  L = λW
intro-badges-5 = Cualquier nivel puede quedarse sin memoria

reading-title = Antes de empezar

reading-note = Los enlaces abren en tu navegador las páginas públicas del libro de texto.

begin = Empezar el Acto I

act1-title = Acto I — Arqueología del Design Ledger

act1-from = Mensaje de la Arquitecta Jefe

act1-message = «Antes de dirigir el despliegue del 7B, demuéstrame que conoces tus puntos ciegos. A lo largo de quince laboratorios, ¿qué ley física se le escapó más veces a tu intuición? Consulta tu historial, no tu memoria. Un buen arquitecto sabe exactamente dónde falla su intuición».

act1-context = Cada predicción que hiciste y cada restricción que disparaste en los Laboratorios 01–15 está en tu Design Ledger. Sus patrones muestran qué invariantes infravalora tu intuición. Comprométete con tu propio diagnóstico antes de mirar el resumen.

act1-options-1 = A) Ancho de banda de memoria — el cuello de botella fue el ancho de banda, no el cómputo, más a menudo de lo que esperaba (Ley de Hierro, Roofline)
act1-options-2 = B) Colas — subestimé cuánto se aleja el P99 de la media con alta utilización (Ley de Little, P99)
act1-options-3 = C) Fracción serie — esperaba del paralelismo más de lo que dio (Ley de Amdahl, benchmarking)
act1-options-4 = D) Deriva de distribución — los datos de producción se alejaron de los de entrenamiento más rápido de lo que pensaba (PSI, MLOps)

lock = Bloquear mi predicción

lock-hint = Elige una respuesta y bloquéala (el botón al pie de este panel) para abrir el resumen del ledger. Una predicción bloqueada no se puede cambiar.

locked = Predicción bloqueada

card-title = Boletín del modelo mental — Laboratorios 01–15

card-labs = Laboratorios completados

card-accuracy = Predicciones acertadas

card-hits = Fallos de restricción provocados

card-contexts = Contextos de despliegue

card-diagnosis = Diagnóstico

card-weakest = Invariante más débil

card-failures-at = Fallos de restricción en

card-favourite = Contexto favorito

card-sparse = Hay menos de 15 laboratorios registrados, así que algunas cifras recurren a estimaciones neutras (50 % para un invariante sin laboratorio). Completa los laboratorios que faltan para tener un informe completo.

radar-title = Los siete invariantes, 0–100 %

radar-explain = Verde: con qué frecuencia acertaste la predicción de cada invariante. Rojo: con qué frecuencia disparaste su estado de fallo. Un rojo alto significa que la física te sorprendió: tu modelo mental subestimó cuánto muerde ese invariante.

radar-accuracy = Acierto de las predicciones (%)

radar-hits = Tasa de restricciones disparadas (%)

confirmed = Confirmado.

different = Otra lectura.

course-tput-title = Falla la comprobación de rendimiento (la comprobación oculta del curso)

none-yet = —

no-labs-yet = aún no hay laboratorios

no-failures = ninguno

not-judged = Aún sin juzgar.

act1-explain-1 = El ancho de banda de memoria (Ley de Hierro, Roofline) es el punto ciego clásico de quien aprendió a contar operaciones. Los FLOPS máximos crecen mucho más deprisa que el ancho de banda de memoria, así que un modelo que parece limitado por cómputo sobre el papel suele estar limitado por ancho de banda en la práctica: cada pasada hacia delante lleva los pesos de la HBM a los núcleos. En T = D/BW + O/R + L, cuando domina D/BW, más cómputo no compra nada.
act1-explain-2 = Las colas (Ley de Little, P99) se esconden hasta que duelen. La latencia media parece correcta mientras la cola de la distribución se dispara: cerca del 80 % de utilización, el P99 de una cola M/M/1 es varias veces su media. La trampa es ajustar la media del panel mientras el SLO, que es un percentil, falla en silencio. L = λW dice exactamente cuándo el cuello de botella pasa a ser la cola y no el modelo.
act1-explain-3 = La fracción serie (Ley de Amdahl) se subestima porque más GPU parecen dar proporcionalmente más velocidad. Una parte serie del 5 % limita la aceleración a 20× por muchas GPU que se añadan, y la carga de datos, la sincronización y el preprocesado añaden trabajo serie que adelanta ese límite.
act1-explain-4 = La deriva de distribución (PSI, MLOps) va contra la intuición porque en el código no cambia nada: cambia el mundo. Los benchmarks estáticos no dan idea de lo rápido que los datos de producción se alejan del conjunto de entrenamiento. El índice de estabilidad de población puede medirlo, pero sin monitorización el deterioro es silencioso, como en el escenario de degradación silenciosa del Laboratorio 03.


sparse-reading = Tu Design Ledger tiene pocos datos, así que el análisis recurre al punto ciego más común entre el alumnado: el Muro de Memoria y el Roofline. Completa laboratorios anteriores para una lectura personal.

mathpeek-act1 = Los siete invariantes del Volumen I — las ecuaciones


to-act2 = Al Acto II

act2-title = Acto II — Reto de diseño de pila completa

act2-from = Encargo del Arquitecto Principal

act2-recs-title = De tus laboratorios anteriores

act2-stages-intro = Recorre las cinco etapas. Cada una pone en juego un invariante, y el diagrama se actualiza sobre la marcha. Provoca al menos un estado de fallo y después arréglalo.

finish = Enviar este diseño

submit-title = ¿Enviar este diseño?

submit-confirm = Enviar

submit-cancel = Seguir diseñando

submit-passes = Cumple todas las restricciones.

submit-fails = No cumple todas las restricciones. Lo que falla:

submit-note = El informe de clase de tu docente cuenta tu primer intento enviado. Tabula hasta Enviar y pulsa Intro, o pulsa Escape para seguir diseñando.

replay = Volver al diseño (un nuevo envío se guarda como una entrada nueva)

new-run = Empezar de nuevo desde la introducción

map-title = Memoria frente a latencia, todos los niveles

map-explain = Cada nivel se sitúa en su huella de memoria (x) y su latencia (y), ambas logarítmicas. Las líneas discontinuas son los presupuestos de memoria de los niveles; una cruz marca un nivel sin memoria. La franja verde es el SLO de P99.

correct = Correcto.

reassess = Revisando.

mathpeek-act2 = Cómo se combinan los siete invariantes en este escenario

feasible-title = Este diseño es viable.

feasible-next = Cumple todas las restricciones duras. En producción, lo siguiente sería fijar la frecuencia de monitorización y los umbrales de alerta de cada nivel, planificar un despliegue A/B y decidir cómo se redirige el tráfico cuando un nivel inferior se satura.

fix-title = Se incumplen algunas restricciones — la secuencia habitual de arreglos:

fix-steps-1 = ¿Edge o móvil sin memoria? Baja la precisión de los pesos de ese nivel (INT8 o INT4).
fix-steps-2 = ¿P99 o sobrecarga? Pasa primero a batching continuo, después añade GPU y reduce los bytes por paso (pesos INT8, caché KV INT8).
fix-steps-3 = ¿Coste? Una petición cuesta el precio por hora de las GPU dividido entre las peticiones que atienden: provisiona menos GPU, o más baratas, para la carga.
fix-steps-4 = ¿Disponibilidad? Que falle una GPU no debe llevar la carga más allá de lo que soporta el resto: ten una de reserva.
fix-steps-5 = ¿SRAM de TinyML? Sustituye el submodelo LLM por un detector de palabras clave hecho a medida, de unos 100K parámetros.

takeaways-title = Ideas clave

takeaways-1 = 1. Las fronteras entre niveles son física, no ajustes de software. Ningún hiperparámetro lleva un mismo modelo a los cuatro niveles: los 256 KB de SRAM del Cortex-M7 y los 5 W de presupuesto térmico de un teléfono no se mueven. La termodinámica, la física de la memoria y la latencia de la señal trazan las líneas, no las versiones de los frameworks ni los esquemas de cuantización. El primer trabajo de quien diseña la arquitectura es saber qué límites se negocian y cuáles son muros.
takeaways-2 = 2. Los siete invariantes actúan a la vez en producción. La Ley de Hierro fija la latencia de la nube, Amdahl limita el escalado de GPU, el Muro de Memoria decide qué nivel puede alojar qué modelo, la Ley de Little predice la explosión del P99 con carga alta, la degradación fija la frecuencia de reentrenamiento y Chouldechova acota el compromiso entre equidad y precisión. No puedes optimizar uno aislado: cada control mueve varias restricciones. La destreza está en razonar sobre esas interacciones a escala de sistema, no en recitar fórmulas.

hud-labs = LABS

hud-acc = ACIERTO PRED.

hud-weakest = MÁS DÉBIL

hud-act1 = ACTO I

hud-act2 = ACTO II

hud-p99 = P99

hud-cost = COSTE

hud-system = SISTEMA

hud-ledger = LEDGER

memory-only = El progreso no se guardará: { $reason }

store-moved-aside = No se pudo leer tu almacén de progreso ({ $why }). Se apartó, sin cambios, a { $to } (`architects-audit ledger backups` lo muestra), y el juego empezó con un almacén nuevo.

export-done = Exportado a { $path }

export-downloaded = Exportado a { $file } (descargado)

export-failed = Falló la exportación: { $error }

unreadable = No se pudo leer tu Design Ledger guardado. No se ha cambiado ni sustituido: se conserva una copia en bruto. Expórtala para conservarla o empieza un ledger nuevo.

export-raw = Exportar la copia ilegible

start-afresh = Empezar un ledger nuevo (la copia se queda en la copia de seguridad)

ledger-section = Design Ledger

use-mine = Mi ledger

samples-label = …o prueba con un estudiante de ejemplo

import = Importar un ledger…

import-paste = Pega aquí el JSON del ledger

import-preview = Vista previa

import-replace = Sustituir mi ledger

import-merge = Fusionar con mi ledger

import-merge-explain = Fusionar conserva tus entradas y añade detrás las importadas; donde ambos registran un capítulo, cuenta la entrada importada.

cancel = Cancelar

export = Exportar mi ledger (E)

import-file = Importar desde un archivo…

no-service = sin servicio

shortcuts-1 = Intro
    .action = Empezar / bloquear la respuesta elegida / seguir / enviar el diseño
shortcuts-2 = A–D
    .action = Elegir una respuesta en un bloqueo de predicción
shortcuts-3 = Espacio
    .action = Pausar o reanudar el flujo de peticiones
shortcuts-4 = Tab
    .action = Mover el foco al siguiente control (Mayús+Tab: atrás)
shortcuts-5 = Espacio/Intro
    .action = Accionar el control con el foco
shortcuts-6 = Flechas
    .action = Cambiar el deslizador con el foco; en el borde del panel lateral, su anchura
shortcuts-7 = R
    .action = Restablecer todos los controles de diseño (Acto II; el ledger se conserva)
shortcuts-8 = P
    .action = Activar o desactivar el perfil de proyector
shortcuts-9 = E
    .action = Exportar mi ledger (una descarga en la web)
shortcuts-10 = F1 o ?
    .action = Mostrar u ocultar esta lista
shortcuts-11 = F3
    .action = Fotogramas por segundo y tiempo por fotograma
shortcuts-12 = F11
    .action = Pantalla completa
shortcuts-13 = Esc
    .action = Cerrar esta lista
shortcuts-14 = Izquierda, Derecha, Inicio
    .action = Vista de clase: estudiante anterior / siguiente; volver a la clase

play = ▶ Reproducir (Espacio)

pause = ⏸ Pausa (Espacio)

play-touch = ▶ Reproducir

pause-touch = ⏸ Pausa

step = Paso

outcomes-1 = a tiempo
outcomes-2 = tarde (SLO de la nube)
outcomes-3 = rechazada

demo-captions-1 = Demo — The Architect's Audit. Pulsa cualquier tecla o haz clic para tomar el control.
demo-captions-2 = Acto I: antes de ver el ledger, el estudiante se compromete con un diagnóstico.
demo-captions-3 = El boletín: las predicciones de este estudiante fallaron sobre todo en el Muro de Memoria.
demo-captions-4 = Acto II: predecir qué nivel será el más difícil antes de tocar los controles.
demo-captions-5 = El diseño por defecto del curso: 2 GPU, FP16, batching dinámico. Las colas se disparan y TinyML se desborda.
demo-captions-6 = Batching continuo: las peticiones se unen en cada paso de decodificación. Mejor, pero 2 GPU están sobrecargadas.
demo-captions-7 = Doce GPU en dos servidores: más cerca, pero los pesos y la caché KV en FP16 aún mueven demasiados bytes por paso.
demo-captions-8 = Pesos INT8 y caché KV INT8: la nube soporta su carga, con GPU de sobra si falla una.
demo-captions-9 = Un detector de palabras clave de 100K parámetros cabe en los 256 KB de SRAM. Se cumplen todas las restricciones.
demo-captions-10 = Enviado: el diseño se guarda en el Design Ledger como capítulo 16.

demo-captions-course-draft-6 = Batching continuo: la fórmula del curso cuenta el 100 % del rendimiento máximo en lugar del 80 %.
demo-captions-course-draft-7 = El deslizador de GPU del curso se detiene en 8: el diseño se queda ahí, y su P99 baja al añadir GPU.
demo-captions-course-draft-8 = Los pesos INT8 reducen a la mitad los bytes que lee cada token; el curso encoge su caché KV con ellos.
demo-captions-course-draft-9 = Con las fórmulas del curso ningún diseño aprueba: el submodelo de TinyML es fijo y nunca cabe, y la comprobación de rendimiento es inalcanzable.

preferences = Pantalla

panel-edge = Anchura del panel lateral (flechas Izquierda y Derecha)

reduced-motion = Reducir el movimiento: sin pulsos, sacudidas ni brillos (las peticiones siguen moviéndose)

projector = Perfil de proyector (P): claro, alto contraste, más grande

ui-scale = Escala de la interfaz

measured-title = Las peticiones simuladas (últimos 30 s) junto al modelo

measured-wait = Reuniendo peticiones…



class-title = Vista de clase

class-none = Aún no hay ningún ledger cargado. Cada estudiante exporta su Design Ledger (Exportar mi ledger en el juego, o `architects-audit ledger export`); ábrelos aquí todos juntos.

class-open = Abrir ledgers…

class-summary = Clase

class-prev = ◀ Anterior

class-next = Siguiente ▶

class-radar = Con qué frecuencia acertó la clase, por invariante

class-radar-key = Verde: la media de la clase. Azul: el primer y el tercer cuartil (la mitad central de la clase queda entre ellos). Un eje marcado «sin laboratorios» no tiene ningún estudiante con un laboratorio en él.

class-weakest = Invariante más débil (estudiantes)

class-labs = Laboratorios 1–15 completados (estudiantes)

class-ch16 = Capítulo 16, primeros intentos

class-hardest = Nivel que se esperaba más difícil (Acto II)

class-no-ch16 = Este ledger no tiene capítulo 16.

class-design = Su diseño (primer intento)

class-drawn = El mundo dibuja este diseño con la física con la que se juzgó:

class-not-drawn = Este registro no contiene el diseño completo (un guardado antiguo), así que el mundo muestra la clase.

class-failed = Falló

class-passing = Diseños que aprueban

class-names-hidden = Los nombres de archivo están ocultos (inicia con --show-names para verlos).

instruments-title = Instrumentos en vivo (las peticiones simuladas)

histogram-x = tiempo hasta el primer token (ms)


histogram-bars = peticiones (las tardías en ámbar)

slo-line-label = SLO de P99

histogram-key = Barras: peticiones por tiempo hasta el primer token (ámbar pasado el SLO). Líneas: P50 (azul), P99 (continua), el SLO (roja discontinua).

strip-key = Continua: P99 (escala logarítmica, eje izquierdo). Azul: peticiones atendidas, escaladas a su máximo. Roja discontinua: el SLO. Punteada: un cambio de diseño.

strip-x = segundos atrás

strip-p99 = P99 del tiempo hasta el primer token

strip-change = diseño cambiado

strip-y = P99



world-in-words = El mundo, nivel a nivel
world-readout-hint = Toca o señala para ver las cifras

act1-question = Mirando atrás a los Laboratorios 01–15, ¿qué invariante subestimaste de forma más constante?

act2-question = Antes de configurar nada: ¿qué nivel será la restricción más difícil de cumplir?

act2-lock-hint = Bloquea una predicción (el botón al pie de este panel) para desbloquear los instrumentos de diseño.

fix-footer = Cada arreglo se remonta a uno de los siete invariantes. Nada sale gratis.

class-keys = Teclas: las flechas Izquierda y Derecha recorren los estudiantes; Inicio vuelve a la clase.


## Design choices

serving-course-static = Lote estático — lo más sencillo, { $peak } % del rendimiento máximo
serving-course-dynamic = Lote dinámico — complejidad moderada, { $peak } % del máximo
serving-course-continuous = Batching continuo — { $peak } % del máximo, pensado para LLM
serving-systems-static = Lotes estáticos — tamaño fijo, esperan a llenarse, se rellenan hasta la respuesta más larga
serving-systems-dynamic = Lotes dinámicos — se reúnen durante { $window } ms y el lote se ejecuta hasta el final
serving-systems-continuous = Batching continuo — las peticiones entran y salen en cada paso de decodificación
quant-full-accuracy = precisión completa
quant-accuracy-drop = −{ $drop } % de precisión
quant-label = { $name } — { $bytes } { $unit ->
        [many] bytes
       *[one] byte
    }/parám., { $cost }
quant-fp16 = FP16
quant-int8 = INT8
quant-int4 = INT4
quant-ternary = Ternario
latency-note-systems = Aquí el P99 es el tiempo hasta el primer token con toda la carga, colas incluidas: una respuesta de { $tokens } tokens no puede terminar en { $slo }, así que el SLO mide lo rápido que empiezan las respuestas.
latency-note-course = Borrador del curso: el P99 es el tiempo de una respuesta completa de { $tokens } tokens con lote 1, sin cola — la fórmula original del curso.
unit-ms = { $value } ms
slo-line = P99 < { $slo } · < { $cost } $ por petición
act2-option-a = A) Nube — el modelo no cabe en la memoria de { $cloud } en FP16
act2-option-b = B) Edge — un { $edge } no puede mantener el P99 por debajo de { $slo } a escala
act2-option-c = C) Móvil — un modelo de 7B no cabe en { $gb } GB con ninguna precisión
act2-option-d = D) TinyML — ni con pesos ternarios cabe en { $kb } KB de SRAM
degradation-note = La precisión cae unos { $per_day } al día entre reentrenamientos: 30 días cuestan { $month } puntos, 90 días { $quarter }.
model-systems = Sistemas (roofline + colas, por defecto)
model-course-draft = Borrador del curso (las fórmulas originales del curso)

## Banner headlines

banner-cloud-oom = Nube sin memoria
banner-edge-oom = Edge sin memoria
banner-mobile-oom = Móvil sin memoria
banner-tiny-sram = Desbordamiento de SRAM en TinyML
banner-p99 = No se cumple el SLO de latencia P99
banner-throughput = Nube sobrecargada
banner-cost = No se cumple el SLO de coste
banner-availability = No se cumple el SLO de disponibilidad
banner-accuracy = Aviso de precisión
banner-drift = Aviso de deriva

## The brief's lines from the student's earlier labs

brief-compression = • Laboratorio 10: elegiste compresión { $choice } — vale la pena considerarla para los niveles edge y móvil.
brief-p99 = • Laboratorio 13: tu P99 fue de { $ms } ms con la carga que elegiste — el SLO de { $slo } de este laboratorio es mucho más estricto.
brief-p99-missing = • El Laboratorio 13 no está en este ledger, así que no hay un P99 tuyo que comparar con el SLO de { $slo } de este laboratorio.
brief-cadence = • Laboratorio 14: tu frecuencia de reentrenamiento fue { $cadence } — aquí cuatro niveles derivan a ritmos distintos.
cadence-days = { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
cadence-psi = disparado por la monitorización del PSI
course-tput-detail = La fórmula del curso compara tokens por segundo con peticiones por segundo por tokens: { $tok_s } tok/s × { $mult } ≥ { $rps } pet./s × { $tokens } tokens, es decir, { $supply } ≥ { $demand }. Falla con todos los diseños, así que ningún diseño aprueba con las fórmulas del curso; sus avisos no lo muestran.
course-draft-note = Borrador del curso: las fórmulas del cuaderno, tal cual. Su deslizador de GPU va de 1 a 8, así que un clúster mayor se reduce a 8 al cambiar. Con ellas ningún diseño puede aprobar: el submodelo de TinyML está fijado en { $params } parámetros { $quant } y nunca cabe en { $kb } KB, y la comprobación de rendimiento pide más tokens por segundo de los que dan 8 GPU. Elígelo para ver los números del curso, no para ganar.

## The Act II reveal: why each answer is right or wrong

act2-explain-cloud-fits = La memoria de la nube no es su problema: una sola { $gpu } aloja el { $model } incluso en FP16.
act2-explain-cloud-splits = La memoria de la nube solo es un problema hasta que se divide el modelo: una sola { $gpu } no puede alojar el { $model } en FP16, un grupo con paralelismo de tensores sí.
act2-explain-cloud = { $memory } Sus restricciones son la latencia, la capacidad, el coste y la disponibilidad bajo carga: atender { $rps } peticiones por segundo con un primer token en menos de { $slo } exige muchas GPU, las precisiones adecuadas y batching continuo, y lo que llena cada GPU y lo que lee cada paso de decodificación es la caché KV, no los pesos.
act2-explain-edge = El edge es lento pero no está atascado: sus respuestas tardan segundos, pero el veredicto juzga el SLO de la nube, y la restricción propia del edge, la memoria, la cumplen { $passing } de sus { $total } precisiones en el { $device }.
act2-explain-mobile = La memoria del móvil tiene una solución de ingeniería: { $passing } de sus { $total } precisiones caben en los { $gb } GB del teléfono.
act2-explain-tiny-wall = El submodelo { $quant } de { $params } parámetros del curso necesita { $kib } KiB de SRAM, unas { $times }× los { $kb } KB que tiene el Cortex-M7: ninguna precisión lo arregla, así que para ese modelo 256 KB son un muro.
act2-explain-tiny-course = { $wall } Con las fórmulas del curso el submodelo es fijo: nada en este laboratorio hace que quepa.
act2-explain-tiny-systems = { $wall } El control de tamaño lo sustituye por un miembro de otra familia, el { $family } ({ $params } parámetros en su tamaño de referencia), que sí cabe: un modelo distinto, no el mismo reducido.
answer-evidence = Con la física { $model }, el nivel más difícil es { $hardest }: cumple sus propias restricciones en { $passing } de { $total } de sus diseños, la menor proporción. Nube: { $cloud } de { $cloud_total } configuraciones (GPU, precisión de pesos y de KV, servicio). Edge: { $edge } de { $edge_total } precisiones. Móvil: { $mobile } de { $mobile_total } precisiones. TinyML: { $tiny } de { $tiny_total } combinaciones de tamaño y precisión.
model-short-systems = sistemas
model-short-course-draft = borrador del curso

## Names

sample-strong = Un estudiante aventajado
sample-memory-wall = Punto ciego: el muro de memoria
sample-queuing = Punto ciego: las colas
sample-sparse = Un historial escaso (3 laboratorios)
sample-empty = Un ledger vacío
context-edge = Edge (Jetson Orin)
context-mobile = Móvil (NPU del teléfono)
context-tiny = TinyML (Cortex-M7)
context-cloud = Nube (H100)
unit-s = { $value } s
unit-usd = { $value } $

## Banner explanations, with the report's figures

banner-cloud-oom-detail = La nube necesita { $needs } GB, pero { $gpus } × { $device } ofrecen { $offer } GB. { $fix } O usa pesos INT8.
banner-cloud-oom-fewest = Necesita al menos { $gpus } GPU.
banner-cloud-oom-none = Ningún número de GPU disponible lo aloja.
banner-edge-oom-detail = El { $device } necesita { $needs } GB de sus { $has } GB. Cuantiza el edge a INT8 (unos { $int8 } GB de pesos) o a INT4 (unos { $int4 } GB).
banner-mobile-oom-detail = El teléfono necesita { $needs } GB de sus { $has } GB. Usa pesos INT4 o ternarios en el móvil.
banner-tiny-sram-detail-course = El submodelo de TinyML del curso ({ $params } parámetros, { $quant }) necesita { $needs } KB; el { $device } tiene { $has } KB de SRAM. Con las fórmulas del curso el submodelo es fijo, así que ningún control lo hace caber. Con el modelo de sistemas, un control de tamaño lo sustituye por un detector de palabras clave más pequeño.
banner-tiny-sram-detail = El submodelo de TinyML necesita { $needs } KB (pesos y activaciones); el { $device } tiene { $has } KB de SRAM. Ninguna precisión lo arregla: usa un modelo hecho a medida de menos de unos { $ternary } M parámetros ternarios ({ $ternary_bytes } bytes cada uno) o { $int8 } K INT8 — un detector de palabras clave de 100K parámetros cabe.
banner-p99-detail-systems = El P99 del tiempo hasta el primer token es { $p99 } frente al SLO de { $slo } (espera en cola, prefill y un paso de decodificación, con un { $util } % de utilización). Ley de Hierro, T = D/BW + O/R + L: cada paso de decodificación dura { $step } ms, { $bound }. Usa batching continuo, añade GPU o mueve menos bytes por paso (pesos y caché KV en INT8).
banner-p99-compute-bound = casi todo O/R, la aritmética
banner-p99-memory-bound = casi todo D/BW, mover los pesos y la caché KV desde la HBM
banner-p99-detail-course = El P99 de la nube es { $p99 } frente al SLO de { $slo }. La decodificación está limitada por el ancho de banda (Ley de Hierro): cada token lee los pesos de la HBM. Añade GPU, pasa a batching continuo o usa menos bytes por parámetro.
banner-throughput-detail = La nube puede atender { $capacity } pet./s, pero debe soportar { $load }: utilización del { $util } %. Cerca del 100 % las colas crecen sin límite. Añade GPU, usa batching continuo o reduce los bytes por paso.
banner-throughput-detail-course = La nube no puede producir los tokens que pide su parte del tráfico.
banner-cost-detail = Cada petición cuesta { $cost } $: el precio por hora de las GPU dividido entre las peticiones que atienden, por encima del SLO de { $slo } $. Provisiona menos GPU, o más baratas, para esta carga.
banner-availability-detail = Con cada GPU activa el { $gpu } % del tiempo y cada servidor de { $per_node } GPU el { $node } %, la carga cabe solo el { $fits } % del tiempo (SLO { $slo } %). Mantén suficiente capacidad de reserva para que perder una GPU no sobrecargue al resto; con más de un servidor, tampoco debe hacerlo perder un servidor entero.
banner-accuracy-detail = La precisión efectiva es del { $accuracy } % antes de la deriva. Los pesos ternarios cuestan unos { $ternary } puntos{ $fairness }: aceptable para un modelo disparador, no para las respuestas. Envía a la nube las peticiones sensibles a la precisión.
banner-accuracy-fairness = {" "}y este umbral de equidad cuesta { $points } más
banner-drift-detail = Reentrenar cada { $days } días deja que la precisión decaiga hasta el { $after } %: Acc(t) = Acc₀ − λ·t = { $before } % − { $per_day } × { $days } días. Reentrena más a menudo o dispara el reentrenamiento a partir de la monitorización del PSI.

## The class view and the report page

choice-static = lotes estáticos
choice-dynamic = lotes dinámicos
choice-continuous = batching continuo
choice-gpus = { $gpus } × H100
class-counted-some = Se cuentan { $counted } de { $students } estudiantes (los demás no tienen laboratorios 1–15).
class-counted-all = Se cuentan los { $students } estudiantes.
answer-memory-bw = A · Ancho de banda de memoria
answer-queuing = B · Colas
answer-serial-fraction = C · Fracción serie
answer-drift = D · Deriva de distribución
answer-cloud-oom = A · Nube (memoria)
answer-edge-latency = B · Edge (latencia)
answer-mobile-oom = C · Móvil (memoria)
answer-tiny-oom = D · TinyML (SRAM)

## The world's captions

frame-readout = { $fps } fps · { $ms } ms por fotograma
queue = { $waiting } en espera
queue-hidden = { $waiting } en espera (+{ $hidden } sin dibujar)
memory-bar = memoria { $used } / { $capacity } { $unit }
memory-bar-over = { $bar } · OOM: { $over } { $unit } de más
memory-part = { $part } { $amount }
memory-parts = memoria ({ $unit }): { $parts }
chips-none = { $gpus ->
        [one] { $gpus } GPU
       *[other] { $gpus } GPU
    }: el modelo no cabe
chips-replicas = { $gpus ->
        [one] { $gpus } GPU
       *[other] { $gpus } GPU
    } = { $replicas ->
        [one] { $replicas } réplica
       *[other] { $replicas } réplicas
    }
chips-tp = { $gpus } GPU = { $replicas } × TP{ $tp } (all-reduce en cada capa)
server = servidor { $number }
step-label = lote { $batch } de { $max } por réplica
    paso { $step } ms · { $bound }
compute-bound = limitado por cómputo
memory-bound = limitado por memoria
accuracy-gauge = precisión { $accuracy } %, { $after } % tras { $days } días de deriva
gauge-scale = { $min }–100 % · aviso de deriva por debajo del { $warn } %

## The live instruments

histogram-empty = Aún no se ha respondido ninguna petición de la nube en los últimos { $span } s.
histogram-caption = Últimos { $span } s: { $requests } peticiones a la nube · P50 { $p50 } · P99 { $p99 }
strip-model = {" "}· modelo { $p99 }
strip-first-window = que llegaron en los primeros { $window } s tras el cambio (sobrecarga: desde una cola vacía)
strip-steady = de los últimos { $window } s (régimen estacionario)
strip-caption = P99 del tiempo hasta el primer token de las peticiones { $which }, contando una aún en espera por lo que lleva esperado: { $p99 }{ $model } · primeros tokens { $rps } por segundo
strip-tput = pet./s atendidas (arriba = { $max })
assignment-params = { $quant } ({ $params } parám.)
class-act1 = Acto I: { $answer } ({ $judged })
class-act2 = Acto II: { $answer } ({ $judged })
judged-right = acierto
judged-wrong = error
judged-not = sin juzgar
answer-none = ninguna
class-design-valid = Diseño: válido
class-design-invalid = Diseño: no válido

## The live physics panel

tier-hardware-count = { $tier } ({ $hardware } ×{ $gpus })
tier-with-device = { $tier } ({ $device })
unit-gb = { $value } GB
unit-kb = { $value } KB
unit-req-s = { $value } pet./s
percent = { $value } %
figure-model = Modelo { $value }
figure-ram = RAM { $value }
figure-latency = Latencia { $value }
figure-precision = Precisión { $value }
tier-fail = FALLA
tier-ok = OK
tile-p99 = P99 (SLO < { $slo })
tile-cost = Coste/pet. (SLO < { $slo } $)
tile-accuracy = Precisión (objetivo > { $target } %)
tile-after-drift = Tras la deriva ({ $days } d)
tile-capacity = Capacidad (ρ = { $rho })
tile-availability = Disponibilidad (SLO { $slo } %)
tile-p99-full = P99 respuesta completa (no se comprueba)
measured-p99-ttft = P99 del tiempo hasta el primer token
measured-p50-ttft = P50 del tiempo hasta el primer token
measured-p99-full = P99 respuesta completa
measured-served = Atendidas (pet./s)
measured-waiting = Esperando un hueco
measured-rejected = Rechazadas (cola llena)
measured-sim-value = Simulado { $value }
measured-model-value = · Modelo { $value }
little-measured = Ley de Little, medida: L = { $l } peticiones en el sistema; λ·W = { $lw }
world-in-words-line = { $tier }: { $mark } { $line }

## The HUD

hud-lab = LAB 16 · PROYECTO FINAL
hud-correct = Correcta
hud-incorrect = Incorrecta
hud-valid = VÁLIDO
hud-infeasible = INVIABLE
hud-saved = cap. 16 guardado
hud-not-saved = aún sin guardar
hud-memory-only = solo en memoria
hud-save-failed = error al guardar

## The invariants

invariant-iron-law = Ley de Hierro
    .heading = 1. Ley de Hierro (ancho de banda de memoria)
    .equation = T_total = D / BW + O / R + L
    .note = D bytes movidos, BW ancho de banda, O operaciones, R operaciones por segundo, L latencia fija.
    .synthesis = Ley de Hierro → latencia de la nube
    .synthesis-body = Cada paso de decodificación lee los pesos y la caché KV de la HBM: t_paso ≈ bytes / (η · BW). Menos bytes por parámetro y una caché KV más pequeña significan pasos más rápidos.
invariant-memory-wall = Muro de Memoria
    .heading = 2. Muro de Memoria (huella)
    .equation = Memoria = parámetros × bytes/parámetro + caché KV + activaciones
    .note = FP16 2 bytes por parámetro, INT8 1, INT4 0,5.
    .synthesis = Muro de Memoria → viabilidad del nivel
    .synthesis-body = Un nivel funciona solo si pesos + caché KV + entorno de ejecución caben en su RAM. En la nube, lo que queda tras los pesos fija el lote más grande.
invariant-amdahl = Amdahl
    .heading = 3. Ley de Amdahl (techo paralelo)
    .equation = Aceleración = 1 / (S + (1 − S) / N)
    .note = S fracción serie, N unidades paralelas; el techo es 1/S sea cual sea N.
    .synthesis = Amdahl → techo de escalado
    .synthesis-body = Repartir un modelo entre GPU (paralelismo de tensores) solo acelera la parte limitada por el ancho de banda; los costes fijos por paso y los all-reduce son la fracción serie. Las réplicas, en cambio, escalan la capacidad.
invariant-roofline = Roofline
    .heading = 4. Roofline (techo de rendimiento)
    .equation = Rendimiento = min(FLOPS máximos, intensidad × BW)
    .note = Punto de cresta AI* = FLOPS máximos / BW; por debajo, un kernel está limitado por memoria.
    .synthesis = Roofline → limitado por memoria o por cómputo
    .synthesis-body = La decodificación con lote pequeño queda muy por debajo del punto de cresta: limitada por memoria. El prefill de un prompt largo está limitado por cómputo. El batching acerca la decodificación a la cresta.
invariant-littles-law = Ley de Little
    .heading = 5. Ley de Little (profundidad de cola)
    .equation = L = λ × W
    .note = L peticiones en el sistema, λ tasa de llegada, W tiempo en el sistema; cuando la utilización → 1, W → ∞.
    .synthesis = Ley de Little → colas
    .synthesis-body = Peticiones en curso = tasa de llegada × tiempo en el sistema. Cuando la utilización se acerca a 1, la espera por un hueco crece sin límite y el P99 deja atrás a la media.
invariant-drift = Deriva
    .heading = 6. Degradación (deriva)
    .equation = Precisión(t) = Precisión₀ − λ × PSI(t)
    .note = PSI índice de estabilidad de población, λ sensibilidad.
    .synthesis = Degradación → frecuencia de reentrenamiento
invariant-fairness = Equidad
    .heading = 7. Equidad–precisión (Chouldechova 2017)
    .equation = las tasas base difieren ⇒ DP ∩ EO ∩ CA = ∅
    .note = Ningún clasificador tiene a la vez paridad demográfica, igualdad de probabilidades y calibración.
    .synthesis = Equidad → precisión
    .synthesis-body = Mantener la brecha de aprobación entre grupos por debajo de su valor de tasa base cuesta precisión, y cuanto más estricto el umbral, más cuesta.

## Act I and the ledger

import-pasted = texto pegado
import-from = Importar desde { $source }
import-entries = { $entries } entradas, capítulos { $chapters }
import-no-problems = No se encontraron problemas.
import-file-unreadable = no se pudo leer el archivo: { $detail }
import-failed = No se puede importar: { $error }. No se ha cambiado nada.
import-problems = Se encontraron { $problems } problemas (leídos como se indica):
reading-sample = Leyendo el ledger de ejemplo: { $sample }
diagnosis = Tu ledger dice ({ $labs } laboratorios): tu invariante más débil por acierto de predicción es { $weakest }. Disparaste restricciones en { $hits } laboratorios y acertaste las predicciones el { $correct } % de las veces.

## The class view

act1-short = Acto I
act2-short = Acto II
class-judged-right = { $title }: { $correct } de { $judged } juzgadas como acierto
class-labs-bar = { $labs } laboratorios
class-ch16-counts = { $submitted } enviados · { $valid } llegaron a un diseño válido · { $unsubmitted } bloquearon pero nunca enviaron
class-student-of = { $student } de { $students }
class-student-card = { $labs } de 15 laboratorios · { $correct } % de predicciones acertadas · más débil: { $weakest }
class-students-skipped = { $students } estudiantes · { $skipped } { $skipped ->
        [one] archivo ilegible omitido
       *[other] archivos ilegibles omitidos
    }
class-student = Estudiante { $number }
class-student-named = { $student } ({ $source })

## Charts and dialogs

invariant-no-labs = { $name } (sin laboratorios)
map-x-axis = Huella de memoria (GB, log.)
map-y-axis = Latencia (ms, log.)
map-slo-zone = Zona del SLO
map-budget = Presupuesto de { $tier }
shortcuts-title = Atajos de teclado
dot-scale = 1 punto = { $requests ->
        [one] { $requests } petición
       *[other] { $requests } peticiones
    }

## Act II

act2-brief = «Diriges la arquitectura de un nuevo servicio de inferencia LLM de { $billions }B parámetros. Debe mantener el P99 por debajo de { $p99 } ms, costar menos de { $cost } $ por petición, atender { $rps } peticiones por segundo en total y estar disponible el { $availability } % del tiempo. Abarca los cuatro niveles: un ancla en la nube, una caché en el edge, inferencia en el móvil y un disparador TinyML. Cada decisión tiene que respetar la física — sin excepciones y sin rodeos».
locked-answer = Predicción bloqueada: { $answer }
serving-static = estático
serving-dynamic = dinámico
serving-continuous = continuo
feasible-summary = Nube: { $gpus } × H100, pesos { $cloud }, servicio { $serving }
    Edge: { $edge }   Móvil: { $mobile }   TinyML: { $tiny }
    Reentrenamiento cada { $days } días
    P99 { $p99 } · { $cost }/pet. · precisión { $accuracy } %

    { $next }

## The world

mem-weights = pesos
mem-kv = caché KV
mem-workspace = espacio de trabajo
speed-slow = Lenta
speed-normal = Normal
speed-fast = Rápida
class-named-hardest = { $count } de { $total } lo eligieron como el más difícil
device-first-token = primer token { $first } · respuesta en { $answer }
device-answer = respuesta en { $answer }

## The formula trace

trace-memory = Muro de Memoria
    .formula = por réplica: { $weights } GB de pesos + { $kv } GB de KV ({ $seq } sec. x { $tok } tok x { $kib } KiB) + { $workspace } GB de espacio de trabajo/GPU
    .result = lote máx. { $max_batch }
trace-roofline = Roofline
    .formula = t_paso = máx(bytes / ({ $mem_eff } x { $bw } GB/s), 2PB / ({ $compute_eff } x { $tflops } TFLOPS)) + sobrecoste, B = { $batch }
    .result = { $step } ms/paso
trace-capacity = Capacidad
    .formula = rho = { $lambda } pet./s / ({ $replicas } réplicas x TP{ $tp }, servicio { $serving ->
        [static] estático
        [dynamic] dinámico
       *[continuous] continuo
    }) = { $lambda } / { $capacity }
    .result = rho = { $rho }
trace-little = Ley de Little
    .formula = L = lambda x W_cola = { $lambda } pet./s x { $wait } s
    .result = { $queue } peticiones en espera
trace-ttft-none = P99 TTFT
    .formula = ninguna réplica aloja el modelo: no se responde ninguna petición
    .result = sin servicio
trace-ttft = P99 TTFT
    .formula = cola { $queue } ms + prefill { $prefill } ms + iteraciones { $iterations } ms
    .result = { $ttft } ms (SLO { $slo } ms)
trace-cost-served = Coste
    .formula = coste/pet. = ({ $gpus } x { $price } $/h) / ({ $served } pet./s atendidas x 3600)
    .result = { $cost } $
trace-cost-none = Coste
    .formula = coste/pet. = ({ $gpus } x { $price } $/h) / ({ $served } pet./s atendidas x 3600)
    .result = sin servicio: sin coste por petición
trace-availability = Disponibilidad
    .formula = P(suficientes de { $replicas } réplicas activas), cada una activa { $replica_up }, en { $servers } servidor(es) activo(s) cada uno { $server_up }
    .result = { $availability } (se necesita { $need })
trace-fairness = Equidad
    .formula = kappa x máx(0, brecha { $gap } % - umbral { $threshold } %) = { $kappa } x { $over }
    .result = { $points } puntos de precisión cedidos
trace-drift = Deriva
    .formula = { $accuracy } % - { $per_day } x { $days } días
    .result = { $after } %
trace-tiny-sram = SRAM de TinyML
    .formula = { $params } parám. x { $bytes } B / 1024 + arena { $arena } KiB
    .result = { $footprint } KiB de { $sram } KB
trace-tiny-latency = Latencia de TinyML
    .formula = { $macs } MAC / ({ $per_cycle } MAC/ciclo x { $mhz } MHz)
    .result = { $ms } ms
trace-course-iron-law = Ley de Hierro
    .formula = T_nube = { $tokens } tokens / ({ $tok_s } tok/s){" "}
    .result = { $p99 } ms
trace-course-memory = Muro de Memoria
    .formula = mem_nube = { $billions }B x { $bytes } B/parám. + KV
    .result = { $gb } GB
trace-course-cost = Coste
    .formula = coste/pet. = ({ $gpus } x { $price } $/h) / ({ $per_hour } pet./h)
    .result = { $cost } $

## MathPeek II

peek-iron = 1. Ley de Hierro → latencia de la nube
    .equation = T = D / BW + O / R + L
    .worked = Un paso de decodificación con lote { $batch }: D = { $gb } GB (pesos y caché KV) a { $bw } GB/s = { $mem_ms } ms; O = 2 × P × B = { $tflop } TFLOP a { $peak } TFLOPS = { $comp_ms } ms; ambos se solapan, así que cuenta el mayor, más L = { $fixed_ms } ms de coste fijo: { $step_ms } ms por paso. El P99 del tiempo hasta el primer token suma la cola y el prefill: { $ttft ->
        [none] sin servicio
       *[other] { $ttft } ms
    }.
peek-memory = 2. Muro de Memoria → viabilidad del nivel
    .equation = pesos + caché KV + espacio de trabajo ≤ RAM
    .worked = Cada réplica de la nube: { $weights } GB de pesos + { $kv } GB de caché KV ({ $batch } secuencias) = { $replica } GB, más { $workspace } GB de espacio de trabajo por GPU, en { $tp } × { $ram } GB; caben como mucho { $max_batch } secuencias. TinyML: { $tiny } KiB frente a { $sram } KB de SRAM{ $oom ->
        [yes] {" "}(sin memoria)
       *[no] {""}
    }.
peek-amdahl = 3. Ley de Amdahl → techo de escalado
    .equation = Aceleración(N) = 1 / (S + (1 − S) / N)
    .worked = Repartir una copia del modelo entre { $gpus } GPU lleva un paso con lote 1 de { $one } ms a { $many } ms: { $speedup }× donde se esperaba { $gpus }×, así que S = { $serial } (costes fijos por paso y all-reduce). Por eso este diseño ejecuta { $replicas } réplica(s) de { $tp } GPU cada una.
peek-amdahl-slower = 3. Ley de Amdahl → techo de escalado
    .equation = Aceleración(N) = 1 / (S + (1 − S) / N)
    .worked = Repartir una copia del modelo entre { $gpus } GPU hace más lento un paso con lote 1, { $many } ms en lugar de { $one } ms: leer los pesos en paralelo ahorra { $saved } ms, pero los dos all-reduce por capa cuestan { $allreduce } ms. La Ley de Amdahl no tiene nada que dividir aquí: el reparto añade más de lo que paraleliza. Por eso este diseño ejecuta { $replicas } réplica(s) de { $tp } GPU cada una.
peek-roofline = 4. Roofline → limitado por memoria o por cómputo
    .equation = AI* = R / BW;  AI(paso) = O / D
    .worked = Punto de cresta { $peak } TFLOPS / { $bw } GB/s = { $ridge } FLOP por byte. Este paso: { $tflop } TFLOP / { $gb } GB = { $intensity } FLOP por byte, así que está { $bound ->
        [compute] limitado por cómputo: más FLOPS ayudarían, menos bytes no
       *[memory] limitado por memoria: más FLOPS no ayudarían, menos bytes sí
    }.
peek-little = 5. Ley de Little → colas
    .equation = L = λ × W;  ρ = λ / μ
    .worked = λ = { $lambda } pet./s hacia la nube, μ = { $mu } pet./s que puede atender: ρ = { $rho }. En espera: { $served } pet./s × { $wait } s = { $queue } peticiones. P99 del tiempo hasta el primer token { $ttft ->
        [none] sin servicio
       *[other] { $ttft } ms
    } frente a { $slo } ms.
peek-drift = 6. Degradación → frecuencia de reentrenamiento
    .equation = Acc(t) = Acc₀ − λ_deriva × t
    .worked = { $accuracy } % − { $per_day } al día × { $days } días = { $after } % justo antes de cada reentrenamiento.
peek-fairness = 7. Equidad → precisión
    .equation = coste = κ × máx(0, Δ − umbral)
    .worked = { $kappa } × máx(0, { $gap } − { $threshold }) = { $kappa } × { $over } = { $points } puntos de precisión cedidos para mantener la brecha en el { $threshold } %.
peek-course-iron = 1. Ley de Hierro → latencia de la nube
    .equation = T = tokens / (BW × N / (parámetros × bytes cada uno) × multiplicador de servicio)
    .worked = { $tokens } / ({ $bw } GB/s × { $gpus } / ({ $params } × { $bytes } B) × { $mult }) = { $p99 } ms.
peek-course-memory = 2. Muro de Memoria → viabilidad del nivel
    .equation = modelo + caché KV ≤ RAM
    .worked = Nube: { $cloud } GB en { $ram } GB. TinyML: { $tiny } KB frente a { $sram } KB de SRAM.
peek-course-amdahl = 3. Ley de Amdahl → techo de escalado
    .equation = Aceleración(N) = 1 / (S + (1 − S) / N)
    .worked = La velocidad de la nube del curso crece linealmente con las { $gpus } GPU: supone S = 0.
peek-course-roofline = 4. Roofline → limitado por memoria o por cómputo
    .equation = AI* = R / BW
    .worked = Punto de cresta { $peak } TFLOPS / { $bw } GB/s = { $ridge } FLOP por byte; la decodificación con lote 1 hace unos 2 FLOP por parámetro leído: limitada por memoria.
peek-course-little = 5. Ley de Little → colas
    .equation = L = λ × W
    .worked = { $rps } pet./s × { $seconds } s = { $requests } peticiones en el sistema (el P99 del curso no tiene cola).
peek-course-fairness = 7. Equidad → precisión
    .equation = brecha ≤ umbral ⇒ precisión cedida ∝ diferencia de tasas base
    .worked = El modelo del curso deja la precisión en el { $accuracy } % sea cual sea el umbral ({ $threshold } %).

## The choices a design is made of

choice-name-cloud-gpus = GPU de la nube
choice-name-weights = Pesos de la nube
choice-name-kv-cache = Caché KV de la nube
choice-name-serving = Estrategia de servicio
choice-name-edge-weights = Pesos del edge
choice-name-mobile-weights = Pesos del móvil
choice-name-tiny-params = Parámetros de TinyML
choice-name-tiny-precision = Precisión de TinyML
lab-number = Laboratorio { $lab }

## The class report page

page-title = Informe de clase — The Architect's Audit
page-heading = Informe de clase
page-lede = estudiantes · { $skipped } { $skipped ->
        [one] archivo ilegible omitido
       *[other] archivos ilegibles omitidos
    }
page-model-heading = El modelo mental de la clase
page-model-explain = Con qué frecuencia acertó la clase, por invariante: la media, y el primer y el tercer cuartil (la mitad central de la clase queda entre ellos).
page-invariant = Invariante
page-invariant-students = Estudiantes con un laboratorio sobre él
page-mean-accuracy = Acierto medio
page-iqr = Rango intercuartílico
page-hit-rate = Tasa de restricciones disparadas (media)
page-weakest-heading = Qué invariante es el más débil de cada estudiante
page-labs-heading = Laboratorios completados
page-ch16-heading = Capítulo 16 (primeros intentos)
page-ch16-counts = { $submitted } enviados · { $valid } llegaron a un diseño válido · { $unsubmitted } bloquearon sus predicciones pero nunca enviaron
page-prediction = Predicción
page-answer = Respuesta
page-students = Estudiantes
page-hardest-heading = Nivel que se esperaba más difícil (Acto II)
page-tier = Nivel
page-q1 = Q1 (percentil 25)
page-mean = Media
page-q3 = Q3 (percentil 75)
page-radar-title = Acierto de las predicciones por invariante, 0-100 % (anillos en 25, 50, 75, 100 %)
page-weakest-chart = Invariante más débil: estudiantes
page-labs-chart = Laboratorios 1–15 completados: estudiantes
page-right-of-judged = acierto (de las juzgadas)
page-of = { $part } de { $whole }
percent-spaced = { $value } %
page-failures-chart = Primeros intentos que fallaron cada comprobación: estudiantes
page-gpus-chart = GPU de la nube elegidas: estudiantes
page-failure = { $students } de { $recorded } fallaron «{ $check }»{ $serving }
page-failure-serving = ; { $count } de ellos usaban { $serving }
page-failures-unlisted = { $designs } diseño(s) con fallos se guardaron sin la lista de comprobaciones que fallaron
page-no-failures = Ningún primer intento falló una comprobación.
page-choice = Opción
page-students-per-option = Estudiantes por opción
page-none-passed = Ningún primer intento aprobó.
page-no-design = ningún diseño enviado
page-yes = sí
page-no = no
page-student = Estudiante
page-passed = Aprobó
page-failed = Falló
page-built = Lo que construyó la clase (primeros intentos)
page-design-counts = { $recorded } diseños enviados · { $passed } aprobaron · { $groups } diseño(s) aprobado(s) distinto(s)
page-where-failed = Dónde fallaron
page-the-choices = Las opciones
page-passing-grouped = Los diseños que aprueban, agrupados
page-each-design = El diseño de cada estudiante
choice-not-recorded = no registrado
intro-tier = { $tier } — { $device }

## The ledger's reader. The paths are JSON paths ($.history[2].chapter) and stay as they are.

json-null = null
json-boolean = un booleano
json-number = un número
json-string = una cadena
json-list = una lista
json-object = un objeto
ledger-error-at = { $path }: { $what }
ledger-empty = el ledger está vacío
ledger-not-json = no es JSON válido (línea { $line }, columna { $column }): { $detail }
ledger-not-object = un ledger es un objeto JSON; se encontró { $kind }
ledger-history-kind = history debe ser una lista o un objeto con capítulos como claves; se encontró { $kind }
ledger-lone-surrogates = { $count } escape(s) de sustituto UTF-16 aislado (como \ud800) no pueden guardarse como texto; cada uno se leyó como U+FFFD
ledger-duplicate-key = { $path }: la clave `{ $key }` aparece más de una vez; solo se conserva la última
ledger-no-design = { $path }: sin diseño; se lee como vacío
ledger-design-kind = { $path }: el diseño es { $kind }; se lee como vacío
ledger-history-missing = falta $.history; se lee como vacío
ledger-track-kind = $.track es { $kind }; se ignora
ledger-chapter-kind = $.current_chapter es { $kind }; se lee como 0
ledger-entry-kind = { $path } es { $kind }, no un objeto; se omite (se conserva tal como está guardado)
ledger-chapter-missing = falta { $path }.chapter; se omite (se conserva tal como está guardado)
ledger-chapter-bad = { $path }.chapter { $value } no es un número de capítulo; se omite (se conserva tal como está guardado)
ledger-chapter-read-as = { $path }.chapter { $value } se lee como { $chapter }
ledger-key-not-chapter = { $path }: la clave no es un número de capítulo; se omite (se conserva tal como está guardado)
ledger-event-pinned = no se pudo leer el ledger guardado; sus bytes se conservan como copia ilegible { $id }
ledger-event-migrated = el ledger se pasó al nuevo formato de almacenamiento (con copia de seguridad previa)
ledger-event-migration-failed = migración no escrita: { $detail }

## Languages, each by its own name

language = Idioma
lang-name-en = English
lang-name-es = Español
lang-name-zh = 中文（简体）
lang-name-pseudo = Pseudo (en-XA)
