Ellos tienen cinco libros.
¿Dónde está el parque?
Mi hermana tiene una casa.
No quiero trabajar ahora.
Ella está preocupada hoy.
¿Dónde está el baño?
El niño tiene dinero.
Ellos necesitan una camisa blanca.
Me gusta mucho el pescado.
Mi hermano va a trabajar esta noche.
Mis padres están contentos hoy.
Mi hermana compra el periódico.
No quiero bailar ahora.
¿Tienes un trabajo?
Mi hermano está enfermo hoy.
El profesor va a leer esta noche.
¿Tienes una casa?
¿Dónde está la biblioteca?
Ellos tienen cinco sillas.
Ella ve una manzana.
Mis padres tienen diez perros.
El profesor va a descansar esta noche.
¿Dónde está el hotel?
Mis amigos van a nadar esta noche.
No quiero estudiar ahora.
¿Tienes una bicicleta?
¿Dónde está la estación?
Tom está ocupado mañana.
¿Dónde está el museo?
No quiero dormir ahora.
No quiero descansar ahora.
No quiero viajar ahora.
Mi padre está cansado esta noche.
Me gusta mucho la fruta.
Ellos compran el periódico.
Mary tiene tres libros.
¿Tienes un lápiz?
¿Tienes un gato?
Ella está enferma esta noche.
Me gusta mucho el fútbol.
Nosotros tenemos un libro.
Nosotros vamos al parque hoy.
¿Dónde está la cocina?
Mis padres van a correr ahora.
¿Tienes un coche nuevo?
¿Tienes un paraguas?
Me gusta mucho el arroz.
Mi madre tiene cinco gatos.
Yo voy al banco ahora.
Me gusta mucho la leche.
Ella va a descansar ahora.
Mis padres van a la biblioteca ahora.
Mary está enferma mañana.
El niño está enfermo mañana.
El profesor va al parque hoy.
Mi madre compra una mesa.
Mis padres están solos ahora.
Ella tiene tres hermanos.
El profesor está enfermo ahora.
El profesor está cansado esta noche.
Ella tiene dos sillas.
El profesor está ocupado esta noche.
Ella tiene cinco perros.
Me gusta mucho el chocolate.
Ellos ven un diccionario.
Me gusta mucho la pizza.
Ellos tienen diez gatos.
Yo busco un coche nuevo.
Ellos van a la playa mañana.
Yo estoy listo mañana.
Mi padre va a correr ahora.
La niña va a dormir mañana.
Mis amigos tienen diez sillas.
Ellos van al aeropuerto mañana.
Yo voy al museo mañana.
Ellos quieren un libro.
¿Tienes el periódico?
Mary busca la llave.
El profesor va al hospital hoy.
Mi hermana está lista hoy.
¿Dónde está el aeropuerto?
Ella compra una manzana.
Mi hermana va al hotel ahora.
¿Tienes la llave?
Mi madre está enferma esta noche.
Me gusta mucho la música.
No quiero leer ahora.
¿Dónde está la playa?
Nosotros vamos a dormir esta noche.
Ellos tienen cuatro gatos.
Mi hermano está preocupado esta noche.
La niña tiene tres manzanas.
Ella tiene cuatro libros.
Mis amigos tienen cinco libros.
No quiero cantar ahora.
Ella va a trabajar mañana.
¿Dónde está la escuela?
Él va a dormir ahora.
El niño va a dormir esta noche.
El profesor va al hotel ahora.
Yo voy a viajar mañana.
Ella va a correr mañana.
¿Dónde está el hospital?
¿Tienes una manzana?
La niña va a la escuela mañana.
Mi padre tiene una bicicleta.
Él va a dormir mañana.
Tom va a cantar mañana.
Mis amigos van a cantar esta noche.
Mi madre tiene un perro.
Mi hermana ve un paraguas.
Mis amigos están contentos esta noche.
Mi hermana va a comer ahora.
Ellos están preocupados ahora.
Ellos tienen una casa.
Mi padre va a descansar ahora.
Mis amigos quieren una bicicleta.
Mis amigos van a estudiar ahora.
Mary tiene diez manzanas.
Él está listo mañana.
Mi hermano tiene dos manzanas.
Mi hermana va a comer esta noche.
Ella necesita una casa.
El niño tiene un trabajo.
Mi padre va a trabajar esta noche.
Ellos van al baño esta noche.
El profesor tiene tres amigos.
La niña va al hotel mañana.
Yo voy al baño mañana.
Yo busco el periódico.
El profesor está listo hoy.
Ella va al baño hoy.
Mi padre va a descansar mañana.
Mis amigos están solos esta noche.
Él va a correr esta noche.
Ella está ocupada ahora.
Tom va a correr esta noche.
Me gusta mucho el invierno.
El profesor necesita un coche nuevo.
El profesor está listo ahora.
¿Tienes un diccionario?
Mis amigos van a trabajar esta noche.
Mi hermana está contenta hoy.
Mi padre tiene cinco perros.
El profesor busca un diccionario.
Yo tengo cuatro manzanas.
No quiero comer ahora.
Tom necesita tiempo.
Él va a nadar mañana.
Tom busca un libro.
Mi madre está preocupada ahora.
Mis padres están preocupados hoy.
No quiero correr ahora.
Ellos quieren un paraguas.
No quiero nadar ahora.
Mi madre va a descansar esta noche.
El niño va a viajar mañana.
El profesor va a cantar esta noche.
Me gusta mucho el té.
El profesor va al aeropuerto mañana.
Mi padre está contento mañana.
Ella tiene cuatro hijos.
Mi madre tiene diez hijos.
La niña compra una camisa blanca.
Mi hermana va a la playa ahora.
Él tiene cinco amigos.
Ellos tienen diez hijos.
¿Dónde está el banco?
Ellos tienen una camisa blanca.
¿Tienes un perro?
¿Tienes dinero?
Yo quiero dinero.
Tom quiere una mesa.
La niña va al hotel hoy.
Yo estoy cansado ahora.
El profesor está enfermo mañana.
La niña busca un trabajo.
Yo quiero un paraguas.
La niña está aburrida mañana.
Ella va a comer ahora.
Tom está enfermo mañana.
¿Tienes una mesa?
Nosotros vamos a correr ahora.
Me gusta mucho el café.
Yo estoy ocupado esta noche.
Él quiere un lápiz.
Mi hermano está solo hoy.
El niño va a leer ahora.
La niña tiene dos hijos.
¿Tienes tiempo?
Mis amigos van al banco ahora.
El profesor tiene dos sillas.
El niño está cansado esta noche.
Mis amigos tienen un gato.
Mi hermana va a descansar mañana.
Mis padres tienen cuatro manzanas.
Mi madre busca una manzana.
Tom va a estudiar esta noche.
Ellos van a correr mañana.
Mary tiene cinco manzanas.
Me gusta mucho el verano.
Mary va a la biblioteca esta noche.
Nosotros estamos listos ahora.
Mi madre va a leer ahora.
Mi hermana va a bailar mañana.
Mary está contenta esta noche.
Mi padre va a cantar esta noche.
Nosotros estamos solos hoy.
Mis amigos están aburridos hoy.
Mi padre va a trabajar mañana.
Mi hermana está contenta ahora.
Mi hermano va al museo ahora.
Nosotros buscamos tiempo.
Él está aburrido ahora.
Yo estoy aburrido esta noche.
Mi hermano tiene diez amigos.
No quiero cocinar ahora.
Ellos van al baño hoy.
La niña va a nadar esta noche.
La niña va a estudiar ahora.
La niña tiene cinco libros.
Mi hermana tiene cinco sillas.
Yo estoy preocupado mañana.
Ellos buscan un lápiz.
Mi hermano va a la biblioteca ahora.
Mi hermano va a cantar mañana.
Él tiene diez sillas.
El niño está enfermo esta noche.
Nosotros tenemos tres hijos.
Él está cansado ahora.
¿Tienes una camisa blanca?
Mi padre va a cocinar ahora.
Mis amigos tienen diez perros.
Ella está aburrida ahora.
Mis amigos van a dormir ahora.
El profesor va al banco ahora.
Mi padre va al parque ahora.
Mi hermana quiere un lápiz.
El niño tiene tres amigos.
Mis amigos tienen diez hermanos.
El niño va a descansar ahora.
El niño va a leer esta noche.
Mi madre va a la escuela ahora.
Él quiere un libro.
La niña va a cocinar esta noche.
Él tiene tres perros.
Él está cansado hoy.
Mis padres necesitan un coche nuevo.
Mis padres van al aeropuerto mañana.
¿Tienes un libro?
Mi padre busca un libro.
Yo voy a estudiar esta noche.
Mis padres van a la cocina esta noche.
El profesor va al banco mañana.
Él tiene el periódico.
El niño quiere dinero.
Mi hermana quiere una camisa blanca.
La niña está ocupada ahora.
El profesor busca el periódico.
El niño compra un diccionario.
Nosotros estamos listos mañana.
Nosotros necesitamos una mesa.
Mi madre busca el periódico.
Ella está cansada mañana.
El niño está solo esta noche.
Yo voy a la estación esta noche.
Tom está enfermo esta noche.
Yo tengo un coche nuevo.
Yo tengo un libro.
Ella busca un gato.
Ella va al hotel esta noche.
Nosotros estamos cansados hoy.
Tom está aburrido ahora.
Mi madre tiene cuatro libros.
Mary tiene diez perros.
Yo voy a cocinar mañana.
Ella está lista mañana.
Tom está cansado hoy.
El profesor tiene dos perros.
Mi madre tiene diez gatos.
Nosotros vamos al baño ahora.
Nosotros tenemos cinco sillas.
Mis padres quieren un trabajo.
La niña va a cantar esta noche.
Mis amigos están ocupados hoy.
Mary tiene diez gatos.
Ellos están aburridos esta noche.
Mi hermana está lista ahora.
Mis padres tienen tres hijos.
Mi hermana tiene cuatro hermanos.
Tom va a cocinar ahora.
Nosotros estamos contentos ahora.
El niño está solo hoy.
El niño compra dinero.
Tom va al museo hoy.
La niña está preocupada mañana.
Mi hermano está contento esta noche.
La niña ve una bicicleta.
Yo tengo cinco perros.
Mi hermana va a la biblioteca mañana.
Mis padres van al hospital esta noche.
Mi hermana va al hotel esta noche.
Yo voy al baño ahora.
Mary va a la playa esta noche.
Mi hermano está preocupado hoy.
Él tiene cuatro amigos.
Ella compra una camisa blanca.
Mi madre tiene dos hijos.
El niño va a cantar mañana.
La niña tiene cinco amigos.
Ellos van al museo ahora.
Mi madre necesita dinero.
Mary va a bailar ahora.
Ellos tienen cuatro sillas.
Yo quiero una casa.
Mi madre va a correr mañana.
El niño está ocupado hoy.
Tom va al banco esta noche.
Ella está sola hoy.
Nosotros vamos a la escuela esta noche.
Ellos están solos esta noche.
Él va al museo esta noche.
Mi hermano necesita un diccionario.
La niña tiene cinco hermanos.
Yo veo un gato.
Nosotros tenemos diez perros.
Él va a nadar ahora.
El profesor tiene cinco manzanas.
Mi madre va al aeropuerto ahora.
El profesor está contento ahora.
Mary está lista mañana.
El niño va al aeropuerto hoy.
Él quiere un paraguas.
El niño ve un libro.
Tom va a dormir ahora.
Mary tiene una camisa blanca.
El profesor ve la llave.
Nosotros compramos un lápiz.
La niña tiene un perro.
Mi madre busca dinero.
Ellos tienen dos amigos.
El profesor va al museo ahora.
Él tiene un gato.
Ella compra un trabajo.
Mi hermano va a bailar esta noche.
Mary necesita un diccionario.
Tom tiene cuatro libros.
Yo tengo tres amigos.
Mis amigos están listos hoy.
Mi madre tiene cuatro sillas.
El profesor va a la playa mañana.
Tom está cansado esta noche.
El niño compra el periódico.
El niño está listo ahora.
¿Tienes agua?
Mi hermana está contenta mañana.
Mis padres van a correr esta noche.
El niño tiene diez gatos.
Él está solo ahora.
Yo tengo cuatro amigos.
Yo voy al hospital hoy.
La niña va a trabajar ahora.
Mi hermana tiene tres sillas.
Mis padres buscan un diccionario.
Mi padre tiene dos sillas.
Mi padre tiene tres gatos.
Mi madre necesita un gato.
Yo voy a la estación ahora.
El profesor va a la estación hoy.
Tom está solo hoy.
El niño va a trabajar ahora.
Mis amigos buscan agua.
Mi hermano quiere una casa.
Ellos tienen cinco hermanos.
Mi padre tiene cinco hermanos.
Ellos tienen cuatro hijos.
Mi hermano busca un diccionario.
Ellos van al museo mañana.
La niña va a cocinar mañana.
Mary va a dormir ahora.
Mi hermana va a leer ahora.
Mi padre va a comer mañana.
Ellos van a viajar mañana.
Tom va a la biblioteca ahora.
Mi madre está ocupada mañana.
Ellos están enfermos ahora.
Yo estoy contento esta noche.
Mis padres necesitan un trabajo.
Mi padre va a dormir esta noche.
Él tiene tres manzanas.
Mis padres ven un diccionario.
Ella va al hospital ahora.
Mary está preocupada hoy.
Nosotros vamos a descansar ahora.
Ellos van a la estación mañana.
Mi madre va a cantar mañana.
Nosotros buscamos agua.
Yo voy a correr esta noche.
Mi madre va al hospital hoy.
Mi padre va al banco mañana.
El niño busca una camisa blanca.
Él va a la playa hoy.
Mary tiene cinco hijos.
La niña tiene diez manzanas.
Ellos van al baño ahora.
La niña está cansada ahora.
La niña tiene tres libros.
Ellos están preocupados esta noche.
Mi madre busca una mesa.
Él va a la cocina hoy.
Nosotros vamos a cantar mañana.
Nosotros vamos a nadar ahora.
Mi madre va al hospital esta noche.
Ellos van al museo hoy.
Ellos van a la escuela esta noche.
Mi madre va a comer esta noche.
El niño está enfermo ahora.
El niño va a la cocina esta noche.
Mis padres quieren dinero.
Mary tiene cinco amigos.
Mi hermana va a nadar mañana.
Mi hermano ve una casa.
Mis amigos tienen dos sillas.
Mi padre va al baño mañana.
Ellos tienen tres amigos.
Nosotros vamos al hotel esta noche.
Ellos van a cocinar mañana.
La niña ve un coche nuevo.
Mis padres van a cocinar esta noche.
El niño va al baño ahora.
El profesor compra un diccionario.
Mi hermano va a cantar ahora.
Mary tiene diez hijos.
Mi hermana tiene cinco libros.
Él necesita un paraguas.
Tom va a cantar esta noche.
Mis amigos tienen dos hermanos.
Mi padre va al hospital esta noche.
La niña está sola esta noche.
Mis padres tienen dos amigos.
Mi hermano va al hospital ahora.
La niña tiene tres amigos.
Mi hermana va al aeropuerto mañana.
Yo voy a nadar ahora.
Mi hermana quiere un paraguas.
Mi madre va al baño mañana.
La niña está contenta mañana.
El profesor va al museo esta noche.
Yo busco una manzana.
Mi hermano va a estudiar ahora.
Mis amigos están preocupados hoy.
Mi padre compra un gato.
Mi padre está cansado mañana.
El profesor va a trabajar mañana.
El niño tiene cuatro sillas.
Mi padre tiene cinco hijos.
Mary quiere dinero.
Ellos van a cantar ahora.
Mis padres tienen tres sillas.
El niño va a estudiar esta noche.
Tom va al banco hoy.
El niño tiene cinco gatos.
La niña tiene dos perros.
El niño está aburrido hoy.
Mi padre va a descansar esta noche.
El niño tiene una bicicleta.
Tom busca una bicicleta.
El profesor está listo esta noche.
Yo tengo dos amigos.
Él quiere un coche nuevo.
Mary quiere tiempo.
Ella va al parque esta noche.
Mi hermano va al baño mañana.
Mi madre va al banco hoy.
Ellos van a dormir esta noche.
Yo estoy solo mañana.
Tom tiene tres gatos.
El profesor tiene tres libros.
Mi madre necesita agua.
Yo compro un paraguas.
Nosotros vamos a viajar ahora.
Mary va a la estación ahora.
Yo compro un libro.
Mis padres van a dormir esta noche.
El niño tiene tres manzanas.
Mi padre tiene cuatro gatos.
Mis padres van a la escuela mañana.
Él tiene un lápiz.
Mi hermana compra una camisa blanca.
Mi hermano está ocupado esta noche.
Mis padres están cansados hoy.
La niña va a la biblioteca ahora.
Mis amigos ven tiempo.
Mis amigos van a la playa mañana.
Tom tiene diez sillas.
Yo tengo tres hijos.
La niña tiene cuatro hijos.
Nosotros estamos enfermos ahora.
El profesor va a comer esta noche.
Nosotros vamos al baño hoy.
Él tiene cinco hijos.
Mis padres tienen un perro.
Nosotros estamos aburridos mañana.
Mary tiene dos amigos.
Mis padres van al hotel esta noche.
Mis padres tienen tiempo.
Mary va a la cocina hoy.
Mi padre necesita tiempo.
Mis amigos están cansados esta noche.
Mi madre va a bailar mañana.
Mary quiere un paraguas.
Ella va al parque ahora.
Mi hermana va a la escuela mañana.
Mi hermana quiere tiempo.
Mary ve un paraguas.
Mi padre tiene dos hijos.
Ella va a cantar ahora.
Ellos tienen dos hermanos.
La niña está contenta ahora.
Mi padre tiene cuatro sillas.
Él tiene cuatro manzanas.
Mis padres están ocupados mañana.
Yo estoy solo esta noche.
Tom va a nadar esta noche.
Mary va al hospital mañana.
Mis amigos tienen cuatro sillas.
Yo voy a la biblioteca ahora.
Yo estoy enfermo hoy.
Nosotros vamos a comer mañana.
Ellos ven un gato.
Ellos tienen dos hijos.
Yo voy a viajar ahora.
Mi hermana necesita una manzana.
El profesor compra una manzana.
Ella busca una manzana.
Mary tiene dos sillas.
Mi hermano tiene dos libros.
Mi madre está sola hoy.
Mis amigos van a cantar ahora.
Mi madre tiene tres amigos.
El profesor tiene tiempo.
Mis padres van a descansar mañana.
Mis padres buscan dinero.
El niño tiene cinco hijos.
Yo tengo dos libros.
Él tiene tres sillas.
Yo estoy listo hoy.
La niña va a comer mañana.
Mi hermana tiene cuatro sillas.
Tom va a bailar mañana.
Mis amigos tienen tres libros.
Mis padres están cansados esta noche.
Yo voy a trabajar mañana.
Ellos necesitan un libro.
Mis padres van al hospital mañana.
Mi hermana está cansada hoy.
Él necesita una casa.
Mis padres van al museo hoy.
Mi hermana tiene tres hermanos.
Ella va a estudiar mañana.
Él va a la playa ahora.
Yo voy a leer esta noche.
Mis amigos ven un trabajo.
Mary va al hotel esta noche.
El niño va a cocinar ahora.
La niña va a la playa mañana.
Mi madre va al hotel esta noche.
Él compra el periódico.
Mis amigos tienen diez manzanas.
Mary va a trabajar esta noche.
Mi padre va a la cocina ahora.
El profesor va a descansar ahora.
El profesor va a la cocina mañana.
Mi hermana tiene diez gatos.
Tom tiene cinco hermanos.
El niño va a nadar ahora.
Mary va a la playa ahora.
Mi hermana tiene una mesa.
Mi hermano necesita el periódico.
Mary va a nadar mañana.
Él tiene cinco sillas.
Él tiene cuatro sillas.
El niño está ocupado mañana.
Ella tiene tres manzanas.
Nosotros vemos un diccionario.
Mi hermana está preocupada hoy.
Mary va a cocinar ahora.
Yo estoy ocupado ahora.
Mi madre va al hospital ahora.
El niño va a cantar ahora.
Tom necesita dinero.
Tom va a comer mañana.
Mi hermana ve tiempo.
Mary tiene tres perros.
Él va al hotel ahora.
Mi madre quiere un diccionario.
Mi hermana está cansada mañana.
Mi hermano va al museo mañana.
Mi hermana va a cantar mañana.
Ella está cansada esta noche.
Mi madre está sola esta noche.
Ellos tienen cuatro amigos.
Mi hermana tiene tres hijos.
Mi padre va a viajar esta noche.
El niño tiene dos libros.
Nosotros tenemos tres hermanos.
El profesor va a leer mañana.
Ella va al banco mañana.
Ellos están listos hoy.
Mis padres tienen tres hermanos.
Ella va a descansar esta noche.
Él ve un coche nuevo.
Ella tiene cuatro gatos.
El profesor necesita un libro.
Nosotros vamos a trabajar mañana.
Nosotros vamos a leer ahora.
Mi hermano está cansado ahora.
Mi padre va al hospital hoy.
Nosotros vamos a la escuela hoy.
Él está enfermo hoy.
Nosotros tenemos dos hijos.
Mary está contenta hoy.
Mary va al hospital hoy.
Él está aburrido esta noche.
Él va a descansar ahora.
Tom va al hotel hoy.
Mi hermana está sola mañana.
La niña tiene cuatro libros.
El profesor va a correr mañana.
Ella está aburrida esta noche.
Nosotros estamos enfermos hoy.
Yo voy a la estación mañana.
Mis padres van a viajar mañana.
El niño va a la biblioteca ahora.
Mis amigos tienen cuatro amigos.
Tom tiene cinco libros.
Él busca un coche nuevo.
El niño va al museo ahora.
Ellos van al hotel esta noche.
Mary compra un libro.
Mi madre quiere agua.
Él va a la playa mañana.
Mi padre va a nadar esta noche.
La niña ve una camisa blanca.
Mi madre tiene cuatro gatos.
Ellos tienen tres libros.
Mi hermano va al baño ahora.
Tom compra tiempo.
Mis padres van a cocinar ahora.
Él tiene tres amigos.
El profesor va al baño esta noche.
El niño tiene diez amigos.
Él ve un trabajo.
Mis padres tienen cuatro hijos.
El niño tiene cinco perros.
Mis padres tienen tres gatos.
La niña va al baño ahora.
Yo voy a la cocina mañana.
Ellos van a dormir mañana.
Nosotros estamos listos hoy.
Mi padre está listo hoy.
Mis amigos ven el periódico.
Él ve un diccionario.
Mary va a leer esta noche.
Mi hermana está enferma ahora.
Yo voy al banco mañana.
Mi madre compra tiempo.
Mis padres ven una manzana.
Ella va a viajar ahora.
Nosotros estamos preocupados mañana.
Mi hermana va a trabajar esta noche.
Mi madre está enferma ahora.
Yo tengo tiempo.
Mis padres van al baño mañana.
Mis padres tienen cuatro hermanos.
Mi hermano busca tiempo.
Mary tiene cinco gatos.
Yo voy a comer esta noche.
La niña va a descansar esta noche.
El niño va a la estación hoy.
Mis amigos van al museo mañana.
Mi padre quiere tiempo.
El profesor quiere un lápiz.
El profesor está solo mañana.
Yo estoy cansado esta noche.
La niña necesita un gato.
Ella ve el periódico.
Ella va al hotel hoy.
Tom va al museo esta noche.
Mi hermana tiene una bicicleta.
Mis amigos van al banco hoy.
La niña está contenta hoy.
Mis padres van al baño hoy.
Tom va a nadar mañana.
Ella tiene un gato.
Ella está cansada hoy.
Ellos compran un gato.
Ellos van a nadar ahora.
Yo tengo cuatro sillas.
Mi madre tiene tres libros.
Mis padres están aburridos hoy.
Mary está contenta mañana.
Mi padre compra la llave.
Yo voy a descansar ahora.
Yo voy a trabajar esta noche.
Mi madre está ocupada hoy.
El niño va a cocinar esta noche.
Mi hermana tiene dos sillas.
Mi madre tiene diez libros.
Ella está contenta mañana.
Mi madre va a dormir mañana.
El niño necesita una casa.
Él está contento ahora.
Mi madre quiere tiempo.
Mi hermano tiene tres manzanas.
Mis padres van a leer mañana.
Nosotros vamos al banco mañana.
El niño va a estudiar mañana.
Mi padre está preocupado ahora.
Nosotros buscamos un lápiz.
Mi padre tiene cuatro libros.
El profesor va al hospital esta noche.
Ella está lista ahora.
Él tiene dos hijos.
Él va al banco mañana.
Mary va al banco hoy.
Nosotros tenemos tres amigos.
Ella tiene dos perros.
Yo voy al baño hoy.
El profesor está ocupado ahora.
Mis padres buscan una bicicleta.
Yo estoy solo hoy.
Mis amigos van a dormir mañana.
Mary va a correr mañana.
Él tiene cinco gatos.
La niña tiene dos manzanas.
Nosotros estamos listos esta noche.
Ellos están listos esta noche.
El niño va a la escuela hoy.
Mi madre va al baño hoy.
El profesor quiere una manzana.
Mis amigos compran una manzana.
Mis padres están aburridos esta noche.
Ellos compran una camisa blanca.
Mis padres tienen cinco manzanas.
Mi hermano compra tiempo.
Mi padre está enfermo ahora.
La niña busca el periódico.
Yo estoy ocupado mañana.
Yo estoy cansado hoy.
La niña va a descansar ahora.
Mary va a estudiar mañana.
Mi hermano va a nadar mañana.
Ellos van a descansar ahora.
El profesor tiene tres hijos.
Él va a la biblioteca esta noche.
Mi padre necesita una casa.
Mi hermana está contenta esta noche.
Yo quiero un perro.
Mi hermano está enfermo ahora.
Mis amigos están aburridos ahora.
Él va a correr ahora.
Mis amigos están cansados mañana.
Nosotros tenemos diez manzanas.
Mi padre va al museo ahora.
Mis amigos van al hotel ahora.
Nosotros compramos una casa.
Ellos van a estudiar esta noche.
Tom busca una casa.
La niña tiene diez hermanos.
Ellos van a cantar mañana.
La niña va a la biblioteca mañana.
Mis padres tienen dos hijos.
El niño va a bailar mañana.
Mi madre ve un paraguas.
La niña está cansada hoy.
Mis padres están cansados ahora.
Él necesita dinero.
Mi madre tiene cuatro amigos.
Mis padres tienen cinco sillas.
Mi hermano quiere un trabajo.
Ellos van a comer esta noche.
Él tiene cuatro gatos.
Ellos tienen diez libros.
Mis amigos van al parque esta noche.
Mi padre tiene dos hermanos.
Mi hermana compra un lápiz.
El profesor va a cocinar ahora.
Mis padres van a correr mañana.
Ella va al museo esta noche.
Mis amigos ven una camisa blanca.
Ellos compran una casa.
Nosotros tenemos tres libros.
Mis padres están preocupados mañana.
Mary está lista ahora.
Mi hermano va al museo hoy.
Nosotros vamos a la cocina ahora.
Él quiere la llave.
Mi hermana ve un diccionario.
Mi madre va a comer ahora.
Mis amigos están cansados hoy.
Mary busca una bicicleta.
Mi madre está enferma mañana.
Mis amigos tienen una casa.
Mary va a la playa mañana.
Mi padre está ocupado esta noche.
La niña tiene cuatro amigos.
Nosotros tenemos diez amigos.
El profesor va a cantar mañana.
El niño tiene dos sillas.
El niño tiene cinco amigos.
Mary está ocupada esta noche.
El profesor tiene cinco perros.
Mis padres van a cantar mañana.
Mary tiene cinco hermanos.
Mi madre tiene cinco amigos.
Mis padres compran una casa.
El profesor va a dormir esta noche.
Él está preocupado ahora.
Ella va a la biblioteca esta noche.
Él está solo esta noche.
Ella tiene una bicicleta.
Mi hermano tiene dos perros.
Mis padres están enfermos ahora.
Mi hermano quiere una bicicleta.
Mis amigos ven un gato.
Yo necesito una camisa blanca.
El niño está preocupado ahora.
Yo estoy aburrido ahora.
Mi madre va a la cocina ahora.
Nosotros tenemos dos perros.
Mi madre va a leer mañana.
La niña va a la cocina ahora.
Ellos van al parque esta noche.
Mi madre está cansada esta noche.
Él va a comer mañana.
El niño quiere un diccionario.
El niño tiene tres gatos.
Mis padres van a trabajar esta noche.
Nosotros tenemos cuatro sillas.
Mary va a cocinar esta noche.
Mi hermano va al parque hoy.
Mi hermana tiene cinco hermanos.
Mis amigos van a viajar ahora.
El profesor tiene tres gatos.
Mi hermana tiene diez hijos.
Tom va a descansar mañana.
Ella está enferma hoy.
Yo tengo diez sillas.
Mi hermano tiene dos hijos.
Ella ve una camisa blanca.
Yo tengo una camisa blanca.
Ellos tienen cuatro manzanas.
Nosotros vamos al aeropuerto esta noche.
Él quiere una camisa blanca.
Mis padres están enfermos hoy.
El profesor tiene dos hijos.
Mis amigos ven dinero.
Ella va a leer mañana.
Ella tiene cinco amigos.
La niña va a la biblioteca hoy.
Tom ve un gato.
El niño va a la biblioteca mañana.
La niña está lista esta noche.
Mi padre busca un lápiz.
Mi padre tiene cuatro manzanas.
Él está preocupado esta noche.
Mi hermana va a la escuela hoy.
Nosotros estamos solos esta noche.
Ella va a correr ahora.
Mi hermano ve un gato.
Él está enfermo ahora.
Mi hermano tiene cuatro sillas.
Mi hermano va a bailar ahora.
Mis amigos tienen diez hijos.
Mi hermana va a bailar esta noche.
Ellos van al aeropuerto hoy.
Mi madre va a trabajar esta noche.
El niño va al aeropuerto ahora.
El niño va a descansar mañana.
Él va a leer ahora.
Tom va al banco ahora.
El profesor tiene dos gatos.
Él va a viajar mañana.
Él tiene tres libros.
El niño compra una bicicleta.
Nosotros tenemos cuatro manzanas.
Nosotros vamos a comer esta noche.
Mi padre está solo ahora.
Ella tiene diez perros.
Yo tengo tres hermanos.
El niño tiene tres sillas.
Mary está enferma esta noche.
Tom necesita un paraguas.
Mis amigos van a trabajar ahora.
Mis padres van al hotel mañana.
Tom tiene diez hijos.
El niño está aburrido ahora.
Mi madre va a la escuela hoy.
El niño está cansado mañana.
Mis amigos están aburridos esta noche.
Yo compro dinero.
El niño tiene dos perros.
Ellos van al hotel mañana.
Mary va a la escuela mañana.
Ellos necesitan una casa.
Mi padre va a la biblioteca mañana.
Mary tiene diez libros.
Mi madre va a nadar esta noche.
Mi padre va a nadar mañana.
Mi padre tiene agua.
Mis padres van al aeropuerto esta noche.
Mis padres compran agua.
Mis padres están contentos ahora.
Mi madre va a dormir esta noche.
Nosotros estamos ocupados esta noche.
La niña está preocupada ahora.
Mi hermano está solo mañana.
Mi hermana compra un gato.
Mi padre va a correr mañana.
Mis padres tienen dos perros.
Ellos van a nadar esta noche.
Mi hermana quiere agua.
Mis amigos van a comer ahora.
Nosotros necesitamos un coche nuevo.
Mi hermana está aburrida hoy.
El niño tiene cinco sillas.
Tom está preocupado hoy.
Mis amigos van al baño esta noche.
El profesor va a la escuela mañana.
Mi hermana compra dinero.
Nosotros vamos al hospital ahora.
El profesor va a viajar mañana.
Yo voy a cocinar ahora.
Mi padre tiene cuatro hermanos.
Mi hermano tiene diez sillas.
La niña va al hospital hoy.
Mis amigos van a la escuela esta noche.
Mary está sola esta noche.
Mis amigos necesitan agua.
Mi hermano va a la playa mañana.
La niña tiene un gato.
El niño necesita un libro.
Ellos ven dinero.
Mary está cansada hoy.
La niña va a la escuela hoy.
El profesor va a nadar mañana.
Tom va al hotel ahora.
Mi padre tiene cinco amigos.
La niña está sola ahora.
Ellos están ocupados hoy.
El niño está solo mañana.
La niña va a la estación mañana.
Tom va a la playa esta noche.
El niño va al banco esta noche.
Mis amigos van a bailar ahora.
Nosotros tenemos diez gatos.
Tom va a trabajar ahora.
Mi padre va a estudiar esta noche.
Mis padres ven un gato.
El niño tiene tres hijos.
Él tiene diez manzanas.
Nosotros vamos a la estación ahora.
Mi madre va a viajar ahora.
Ellos están enfermos mañana.
El profesor está aburrido mañana.
Yo necesito un gato.
Yo tengo dos hermanos.
La niña compra un paraguas.
Nosotros tenemos diez sillas.
Yo tengo cinco amigos.
El niño va al hospital esta noche.
El profesor quiere tiempo.
Mi padre va a la cocina esta noche.
La niña compra el periódico.
Ellos necesitan un gato.
Tom va al parque hoy.
Mi madre va al museo hoy.
Ella tiene tres sillas.
Nosotros compramos la llave.
Ellos están listos mañana.
Él necesita un coche nuevo.
Mary va a la biblioteca mañana.
El niño tiene tres perros.
Mi madre va a correr esta noche.
Tom necesita un coche nuevo.
Mis amigos van a cantar mañana.
La niña está aburrida esta noche.
Mis amigos tienen cuatro hijos.
El profesor va a nadar ahora.
Ellos van a la escuela ahora.
Yo voy a cocinar esta noche.
Tom está preocupado mañana.
La niña tiene tres hijos.
La niña va al parque ahora.
Mi hermana va al baño hoy.
Ella va a comer mañana.
La niña va al aeropuerto hoy.
Ella quiere agua.
El niño busca una mesa.
Mis amigos tienen tres amigos.
Ellos tienen diez sillas.
Ella va al banco ahora.
Tom está enfermo ahora.
El profesor va a la cocina ahora.
El niño busca una manzana.
Mi hermana va al museo hoy.
Ellos van a viajar ahora.
Tom está solo mañana.
Tom está preocupado ahora.
Nosotros necesitamos tiempo.
Ellos están ocupados esta noche.
Nosotros vamos a leer esta noche.
Mi padre tiene cuatro hijos.
Tom necesita un perro.
Mi madre va a la biblioteca mañana.
Él va al parque esta noche.
Él está enfermo mañana.
Mi padre está preocupado esta noche.
Él está aburrido hoy.
Mi hermano va al baño hoy.
Mi hermana va a correr ahora.
El profesor compra agua.
Nosotros estamos solos mañana.
Mis padres tienen dos sillas.
Mary va a nadar esta noche.
Mi hermana compra una bicicleta.
Ellos tienen la llave.
Ellos están cansados ahora.
Yo tengo cinco sillas.
Nosotros compramos un gato.
El niño va a la biblioteca esta noche.
Mi madre va a trabajar mañana.
Mi hermana va a la biblioteca hoy.
Mi padre tiene dos libros.
La niña está lista mañana.
Mi hermana va al parque hoy.
Mis amigos están contentos hoy.
El profesor ve una camisa blanca.
Ella va a bailar mañana.
Nosotros tenemos cinco perros.
Mi padre busca dinero.
Mi hermano está aburrido hoy.
Mi hermana tiene diez manzanas.
Nosotros necesitamos una camisa blanca.
Mi hermana va a la biblioteca ahora.
Ellos van al aeropuerto ahora.
Mi madre va a bailar esta noche.
Mis amigos están ocupados mañana.
Mi hermano tiene cinco amigos.
Mary va al baño mañana.
Mi madre va a la estación esta noche.
Tom está listo ahora.
Nosotros vemos un gato.
Mi hermano ve una mesa.
Ella va al baño esta noche.
Nosotros vamos a cocinar esta noche.
Tom tiene dos hijos.
Tom tiene cuatro amigos.
Mi padre va a viajar mañana.
Tom va a la biblioteca hoy.
Mi hermano va a la estación mañana.
El profesor tiene tres sillas.
Ella tiene dos manzanas.
Nosotros vamos a cantar esta noche.
Mi padre tiene cinco manzanas.
La niña tiene dos hermanos.
Ellos buscan una mesa.
Ellos tienen cinco perros.
Mary necesita una manzana.
Nosotros vamos al hotel ahora.
Mis padres buscan la llave.
Mis padres van al museo ahora.
Tom va al aeropuerto mañana.
Mi padre tiene dinero.
Mi padre quiere un lápiz.
Ellos van a la biblioteca esta noche.
Mary está lista esta noche.
Mis padres compran un libro.
Yo tengo cinco gatos.
Mary compra un lápiz.
Yo tengo cinco libros.
Mis padres van al museo mañana.
Mi padre está enfermo mañana.
Mary está cansada esta noche.
Tom va a estudiar mañana.
La niña va a la escuela esta noche.
Nosotros compramos una manzana.
Mis padres van a descansar esta noche.
Mis padres tienen cinco hermanos.
Mary tiene cuatro amigos.
Mi padre tiene diez hermanos.
Mis padres quieren una camisa blanca.
Mi madre va al parque ahora.
Yo voy al hospital ahora.
Yo voy a leer ahora.
Él tiene diez libros.
Mis amigos están contentos ahora.
El profesor tiene cuatro sillas.
Mi hermana va al hospital hoy.
Mi hermano tiene cinco sillas.
Mis amigos van a correr esta noche.
Mary tiene dos libros.
Mi padre está contento esta noche.
Ellos tienen dos sillas.
Nosotros vamos a la cocina mañana.
Mis amigos están preocupados esta noche.
Ellos van al banco ahora.
Mi hermana tiene diez amigos.
Yo estoy enfermo ahora.
Él va a la estación ahora.
Nosotros tenemos un lápiz.
La niña va al hotel esta noche.
Yo tengo diez perros.
Mis amigos van a la estación ahora.
Mis padres tienen dos hermanos.
La niña va al hospital esta noche.
El niño tiene el periódico.
Mi padre va a la playa mañana.
La niña busca una bicicleta.
Yo voy al hospital mañana.
Mi padre está ocupado ahora.
El niño tiene dos manzanas.
Mary busca un lápiz.
La niña está preocupada hoy.
Nosotros vamos a bailar mañana.
Ellos ven la llave.
Mis amigos tienen tres perros.
Ellos van al hospital hoy.
Ellos están cansados mañana.
Mi madre va al parque esta noche.
El profesor está cansado ahora.
Mis padres van a leer ahora.
Ella está sola esta noche.
El profesor está ocupado hoy.
Mis amigos van al aeropuerto hoy.
Mary quiere el periódico.
El niño está contento hoy.
Tom está contento hoy.
El niño va a correr mañana.
Mi hermano va al banco mañana.
Yo voy a la estación hoy.
La niña está aburrida ahora.
Mi hermana va a comer mañana.
El profesor quiere el periódico.
El profesor tiene diez amigos.
Él tiene tres hermanos.
Mis padres van al banco ahora.
Mi padre va al banco esta noche.
Nosotros vamos al banco esta noche.
El profesor tiene tres perros.
Ellos van a bailar mañana.
Mi hermano busca agua.
Nosotros compramos una mesa.
Tom está contento ahora.
Mi madre busca una bicicleta.
Ellos están solos mañana.
Mis padres están listos ahora.
Mary compra una casa.
El niño está listo esta noche.
Mi hermana va al museo mañana.
El profesor tiene una casa.
Nosotros estamos enfermos mañana.
Mary tiene una casa.
Mi madre está cansada ahora.
Nosotros tenemos cinco hijos.
Yo tengo una bicicleta.
Mi madre va a comer mañana.
Yo voy a la biblioteca mañana.
Ella busca un coche nuevo.
Mi madre va a descansar ahora.
El niño va al parque esta noche.
Mi padre tiene un diccionario.
Mis padres buscan una camisa blanca.
Mi madre necesita el periódico.
Nosotros vamos a nadar mañana.
Yo voy al aeropuerto mañana.
Mary tiene cuatro gatos.
Mis padres van a comer ahora.
Mary va a correr ahora.
Mi padre tiene dos perros.
Mi madre va a la estación ahora.
Mis padres van a la escuela hoy.
Mi hermana tiene dos libros.
El profesor va al parque mañana.
Mis padres buscan un lápiz.
Ellos tienen tiempo.
Mis amigos van al hospital ahora.
Mary va a la escuela ahora.
Mis amigos están listos esta noche.
Mi padre va a dormir mañana.
La niña compra agua.
Mi hermano va al hospital esta noche.
Mis padres compran un gato.
Mi padre va a la escuela hoy.
Ella va a la cocina ahora.
Mis amigos van al hospital hoy.
Ella tiene tres libros.
Mary tiene una manzana.
Mi hermana va a trabajar mañana.
Tom tiene dos hermanos.
Él va a descansar esta noche.
Mis padres tienen diez manzanas.
Él está aburrido mañana.
Mi hermana tiene diez perros.
Mis amigos necesitan una casa.
Ella tiene diez hijos.
El profesor va a dormir mañana.
Ellos necesitan la llave.
Mi hermana va al hotel mañana.
Mis padres buscan tiempo.
Mary está contenta ahora.
Mi padre va a bailar esta noche.
Mi hermano tiene diez gatos.
Mi padre tiene tres hijos.
Ella va a trabajar esta noche.
Mi padre va al parque esta noche.
Mi madre va a correr ahora.
Mi madre va a estudiar mañana.
Ellos están aburridos hoy.
Mi hermana va a la playa mañana.
Mi hermana está ocupada hoy.
El niño tiene diez libros.
Él está ocupado mañana.
Yo voy a la playa hoy.
Mis amigos van a viajar mañana.
Mi padre va a la escuela esta noche.
Nosotros queremos una manzana.
Yo voy al baño esta noche.
Mi padre compra un coche nuevo.
Mi hermano va al parque esta noche.
Mi padre va al museo esta noche.
El profesor va a cocinar mañana.
Tom tiene diez amigos.
Mary va a dormir esta noche.
Nosotros estamos contentos hoy.
Mi hermano va a la cocina mañana.
El profesor va a trabajar esta noche.
Él tiene tres hijos.
Mi hermano quiere una mesa.
Nosotros queremos tiempo.
Mi hermano va a la biblioteca mañana.
Yo tengo cuatro hermanos.
Mis padres tienen dos manzanas.
Tom está cansado mañana.
Mi madre va al hotel hoy.
Ella va al aeropuerto mañana.
Yo voy al hotel hoy.
Mis amigos van al hospital mañana.
Nosotros vamos a cocinar mañana.
Ella va a cantar esta noche.
La niña va a comer ahora.
Tom ve una camisa blanca.
La niña va a trabajar mañana.
Ella ve dinero.
Mi padre tiene tres manzanas.
Nosotros compramos un libro.
Ellos van a leer esta noche.
Nosotros vamos a la escuela ahora.
Yo estoy listo esta noche.
Mi padre tiene tres libros.
Mi hermana va a la cocina esta noche.
Mi madre va a la escuela mañana.
Tom tiene cuatro hijos.
Nosotros vamos al parque mañana.
Ellos tienen dos libros.
Mary está aburrida mañana.
Mi hermana busca un trabajo.
Mi padre tiene una casa.
La niña va a viajar esta noche.
Nosotros vamos a estudiar esta noche.
Mary va a descansar mañana.
Nosotros vemos un libro.
Nosotros estamos ocupados mañana.
Mis amigos buscan una mesa.
Él va a bailar esta noche.
Mis amigos tienen dos gatos.
El niño tiene dos hijos.
Mi hermana va a viajar ahora.
Ellos están contentos mañana.
Mi hermano compra un trabajo.
Mi madre va a bailar ahora.
Ella va a la escuela esta noche.
Ellos están ocupados mañana.
Ella compra un gato.
Nosotros queremos una bicicleta.
Mary va al aeropuerto mañana.
Nosotros queremos agua.
Mis padres están listos hoy.
Mi madre va a la playa hoy.
Mi padre está enfermo hoy.
Mi hermano está listo ahora.
Mi hermana busca una manzana.
El niño ve la llave.
Mi hermana tiene cuatro gatos.
Mis amigos tienen cinco perros.
El profesor va a la cocina esta noche.
Mi hermana va a estudiar ahora.
Mis padres van a la playa mañana.
Mis padres van al banco esta noche.
Mi hermana quiere un diccionario.
Ella quiere un lápiz.
Mis padres compran la llave.
El profesor tiene un diccionario.
Mi madre está sola ahora.
Mi padre tiene un trabajo.
La niña está ocupada hoy.
Ellos van a trabajar esta noche.
Él va al parque hoy.
El profesor tiene un libro.
Mi madre quiere un paraguas.
Ella tiene diez libros.
Mi padre va al hotel hoy.
Mi padre tiene tres hermanos.
Mis amigos van a bailar mañana.
Nosotros necesitamos un diccionario.
Ellos van a leer ahora.
Tom va al hospital hoy.
Ella va a la playa esta noche.
Ellos quieren un perro.
El profesor va a la estación esta noche.
El profesor ve una casa.
Ellos están preocupados hoy.
Mis padres quieren la llave.
Mi madre compra una casa.
Yo tengo dos hijos.
Ellos tienen tres hijos.
Ella va a cocinar esta noche.
Yo tengo tres perros.
El profesor quiere un diccionario.
Mary está cansada ahora.
El niño va a correr ahora.
Mis padres ven una bicicleta.
El niño está ocupado esta noche.
Ella va a viajar mañana.
Nosotros compramos un trabajo.
Ella busca un trabajo.
Nosotros buscamos un trabajo.
Mi hermana está preocupada esta noche.
Yo tengo cuatro perros.
El niño está preocupado hoy.
El profesor tiene cinco sillas.
Tom tiene la llave.
Mis padres están preocupados ahora.
Mary tiene tres sillas.
Él está ocupado hoy.
Tom va a la biblioteca esta noche.
Mi hermano va a estudiar esta noche.
Mary busca una mesa.
Mi hermana tiene cinco hijos.
La niña va a la estación esta noche.
Mis padres tienen diez gatos.
Él va a cocinar esta noche.
Mary busca una manzana.
Él tiene cinco manzanas.
El profesor va a la playa ahora.
La niña tiene cinco hijos.
Mi madre tiene cinco perros.
Mis amigos están solos hoy.
El niño está solo ahora.
Mi padre compra tiempo.
Mi hermana tiene diez hermanos.
Mi padre quiere un diccionario.
Nosotros vamos al hotel mañana.
Ella necesita una bicicleta.
Mary va al museo ahora.
Mis padres van a trabajar mañana.
Ellos compran una bicicleta.
Mi madre tiene un gato.
Mi madre va a la cocina hoy.
Tom necesita una camisa blanca.
El niño quiere agua.
Él tiene dos amigos.
La niña va a bailar esta noche.
Él va al banco hoy.
Mi hermano tiene cinco libros.
Mis amigos están contentos mañana.
Ella tiene tres perros.
Mi hermana compra un coche nuevo.
El niño va a la cocina mañana.
La niña va a la estación hoy.
Mi hermana tiene cuatro libros.
Mi madre compra una bicicleta.
Ella tiene cuatro sillas.
Mary tiene dos gatos.
Ella tiene cuatro amigos.
La niña está ocupada mañana.
El profesor compra el periódico.
Mi hermano ve tiempo.
Tom va al hospital ahora.
Mi hermana va a dormir mañana.
Mi padre compra agua.
Ellos tienen un trabajo.
Nosotros estamos enfermos esta noche.
Mi hermano va a cocinar ahora.
El profesor tiene dos amigos.
El niño compra un trabajo.
Yo voy a la escuela esta noche.
Mis amigos van a la estación hoy.
Mis padres van a trabajar ahora.
Tom está preocupado esta noche.
Mis padres necesitan el periódico.
Mi padre tiene diez perros.
Mi hermano tiene cinco manzanas.
Mi padre está preocupado mañana.
Tom compra dinero.
Mary va al parque hoy.
El niño necesita un perro.
Tom va a la estación ahora.
Mis padres están solos esta noche.
El profesor tiene un paraguas.
Mi padre va a cocinar mañana.
Nosotros vamos a cocinar ahora.
Mi hermana está cansada ahora.
Mis amigos buscan la llave.
Yo quiero un lápiz.
Ellos tienen dos gatos.
La niña está sola hoy.
Mary tiene tres gatos.
Mi hermana está sola hoy.
Ella está ocupada mañana.
Nosotros vemos una casa.
El niño tiene dos gatos.
La niña va a cantar mañana.
La niña va a viajar mañana.
Mi madre va a cantar ahora.
El profesor tiene tres manzanas.
Tom tiene tres perros.
Mi padre va al baño ahora.
El niño va al banco hoy.
Mi hermano tiene diez perros.
Él va al baño ahora.
El niño tiene diez sillas.
Ellos están aburridos ahora.
Él va al hotel esta noche.
La niña va al parque mañana.
Mi padre está listo ahora.
Él va a estudiar mañana.
Mi padre va a la escuela ahora.
Mi hermano va al hotel mañana.
Mi hermano va al aeropuerto esta noche.
Mi padre está enfermo esta noche.
Mi padre va a la biblioteca esta noche.
Ellos están cansados hoy.
Mis padres tienen cuatro sillas.
El niño tiene diez hijos.
Mis padres van al banco hoy.
Mi hermana ve un libro.
Mis amigos tienen cuatro libros.
Mis padres necesitan una camisa blanca.
Mi hermano busca el periódico.
Tom está listo hoy.
Nosotros queremos una camisa blanca.
Nosotros vamos a trabajar esta noche.
El niño va a la escuela esta noche.
Mis amigos están cansados ahora.
La niña va a dormir esta noche.
Mis padres van al parque hoy.
Yo voy a la playa mañana.
Mi padre tiene cinco libros.
Mis padres ven tiempo.
Mis padres van a nadar ahora.
Mary va al hotel hoy.
Nosotros tenemos una manzana.
Ella va a descansar mañana.
Mis amigos van a trabajar mañana.
La niña tiene cuatro perros.
Mi hermano va a leer ahora.
Yo voy a nadar esta noche.
Mi hermano tiene dos amigos.
El niño está aburrido mañana.
El profesor está aburrido hoy.
El profesor va al banco esta noche.
Mi padre va a la playa hoy.
Yo tengo cinco hermanos.
Mi hermana va a la cocina ahora.
Mary tiene cuatro sillas.
El niño está contento esta noche.
El niño va a la estación esta noche.
Ellos están contentos hoy.
Él va a estudiar esta noche.
Él tiene cinco hermanos.
El niño va a estudiar ahora.
La niña va a leer esta noche.
Mi madre va a la cocina mañana.
Mi hermana ve un gato.
Yo voy a la escuela ahora.
La niña ve una manzana.
Ella tiene cuatro perros.
Ella va a la cocina esta noche.
El profesor tiene cinco hijos.
Mis padres van a bailar esta noche.
Tom está listo mañana.
Mi padre está cansado hoy.
Mis amigos tienen cuatro manzanas.
La niña está cansada esta noche.
Mi madre está preocupada mañana.
El niño va a bailar ahora.
Mi padre ve el periódico.
Él va a la biblioteca ahora.
La niña está enferma ahora.
Mi hermana va al parque esta noche.
La niña tiene diez perros.
La niña va al hospital ahora.
Mi madre está enferma hoy.
Mi hermano tiene cinco perros.
Ellos van al parque mañana.
Mi hermano está enfermo esta noche.
Mi padre compra el periódico.
La niña necesita una camisa blanca.
Él está enfermo esta noche.
Tom tiene cinco gatos.
El niño va a viajar ahora.
Mary compra un perro.
El profesor va a la estación ahora.
El profesor está enfermo esta noche.
Mis amigos están enfermos ahora.
Mary va al baño ahora.
El profesor compra un trabajo.
El niño tiene cinco manzanas.
Mi padre está contento ahora.
Mi madre compra una camisa blanca.
Tom va al parque esta noche.
Mi hermano va a la playa ahora.
Ella tiene un trabajo.
Mi padre tiene cuatro amigos.
El niño va a viajar esta noche.
Mi hermano ve un diccionario.
Ella necesita una manzana.
Mi hermano va a la escuela hoy.
Nosotros estamos contentos esta noche.
Ellos tienen diez perros.
Ella va a bailar ahora.
Mary está preocupada esta noche.
Ellos tienen tres sillas.
El niño va al baño mañana.
Mi hermano va a correr esta noche.
Yo tengo tres gatos.
Tom tiene cuatro gatos.
La niña está enferma mañana.
Mis padres tienen tres amigos.
Mi padre va al hospital ahora.
Nosotros buscamos un gato.
Ella tiene dos amigos.
El niño está preocupado mañana.
Nosotros vamos al baño mañana.
Mis amigos tienen diez amigos.
El niño va a la playa mañana.
Ella tiene dos gatos.
Él compra una mesa.
Mary va a la biblioteca hoy.
Mi madre va a la playa mañana.
Ellos van a trabajar mañana.
Mis amigos están solos ahora.
La niña va a estudiar mañana.
Ellos van a la cocina hoy.
Tom está solo esta noche.
Mary va al banco mañana.
Mi hermana ve una manzana.
Mis padres van a estudiar ahora.
Él va a comer esta noche.
Mi madre está aburrida hoy.
Mis padres quieren una casa.
Mi madre va a la biblioteca ahora.
Mis padres van a viajar esta noche.
Mary ve una mesa.
Mi hermano necesita un gato.
Mi hermana compra un paraguas.
Mi hermana busca una casa.
Mis padres ven una mesa.
Mi hermana tiene cinco perros.
Mi hermano va al parque mañana.
Mi hermana va a correr mañana.
Mi hermana está cansada esta noche.
Mis padres buscan una casa.
Yo tengo agua.
Ella va al parque hoy.
Mary va a la escuela hoy.
Mis padres van a la estación ahora.
Mi madre va a la escuela esta noche.
Mis amigos van al aeropuerto ahora.
Mi padre va al aeropuerto ahora.
El niño va a bailar esta noche.
El profesor compra la llave.
Mi hermano quiere la llave.
Mary ve una bicicleta.
Mi madre necesita una bicicleta.
Mis padres necesitan dinero.
Mi padre va a bailar mañana.
Mi hermano tiene diez hermanos.
Nosotros queremos un coche nuevo.
Mis amigos van a la playa ahora.
Mi padre compra un trabajo.
El niño busca un lápiz.
La niña ve un lápiz.
Ellos van a descansar esta noche.
Mary tiene diez hermanos.
Mis amigos compran un diccionario.
Mi madre va al museo mañana.
Mi hermano va a la cocina hoy.
Ella va al museo ahora.
El niño tiene un diccionario.
Ellos ven una manzana.
Yo voy al parque esta noche.
Nosotros queremos la llave.
Mi hermana va a dormir ahora.
Mi hermano está enfermo mañana.
Ellos van al baño mañana.
Mi padre está preocupado hoy.
Él tiene cuatro hermanos.
Él está solo mañana.
Ellos van al banco esta noche.
Mi hermano va a correr ahora.
Mi padre tiene diez gatos.
Mi padre está aburrido ahora.
Mis amigos van a descansar esta noche.
El niño va a la escuela ahora.
Mi padre va a la playa esta noche.
Yo voy a nadar mañana.
Ella está preocupada esta noche.
Mis padres van a nadar mañana.
Mis amigos ven un libro.
Tom va a trabajar mañana.
Yo estoy preocupado esta noche.
Tom va a viajar mañana.
Él busca un perro.
Tom va a viajar ahora.
Mi hermano va a la cocina ahora.
Mary va al banco ahora.
Ella va a leer ahora.
Ella compra un perro.
Nosotros vamos al museo mañana.
Ellos van al parque hoy.
Tom va a la cocina hoy.
Ellos van a la biblioteca ahora.
Mi hermana va al hospital mañana.
Yo tengo dos sillas.
Mi hermana está lista mañana.
Mi hermano está ocupado hoy.
La niña va a cocinar ahora.
Yo estoy preocupado ahora.
Mi hermana quiere una bicicleta.
Nosotros tenemos tres gatos.
El profesor necesita un lápiz.
Él tiene dinero.
Tom va a la escuela esta noche.
Mi hermano quiere un diccionario.
Mi padre necesita un diccionario.
Mis padres compran tiempo.
Ellos van a la playa ahora.
El profesor está preocupado ahora.
Tom tiene dos perros.
Mis amigos están preocupados mañana.
Mi hermano está ocupado ahora.
La niña va al hotel ahora.
Ellos están aburridos mañana.
Mis padres van al hospital hoy.
Mis amigos ven una manzana.
La niña va al banco ahora.
La niña va al banco esta noche.
Mi hermana ve una mesa.
El niño tiene tres hermanos.
Mi hermana va a viajar esta noche.
Mary tiene cuatro hermanos.
Tom tiene un coche nuevo.
El profesor va a la biblioteca ahora.
Nosotros tenemos cinco hermanos.
Mi madre va a estudiar esta noche.
Él está cansado esta noche.
El niño busca la llave.
Mis amigos van a dormir esta noche.
Ella tiene dos libros.
Ellos compran un coche nuevo.
Mi hermano tiene el periódico.
Mi hermana va a la biblioteca esta noche.
Mi padre va a la escuela mañana.
Ella tiene cinco sillas.
Yo voy al museo esta noche.
Mi hermana necesita dinero.
Ellos van a cocinar esta noche.
El niño va al parque mañana.
Mis amigos ven un diccionario.
Mis padres van al baño esta noche.
Mis padres están cansados mañana.
Nosotros vamos al hospital esta noche.
Mi madre tiene tres sillas.
Mi hermano va a la escuela esta noche.
Mi madre tiene tres hermanos.
Tom tiene una manzana.
Mi padre ve la llave.
El profesor está cansado mañana.
Tom está contento mañana.
El niño tiene diez hermanos.
Mi hermana está aburrida mañana.
Mi hermana tiene un libro.
Mary tiene un lápiz.
Tom va a cocinar mañana.
Él quiere el periódico.
Mi hermana tiene tres gatos.
Ellos quieren agua.
Mary va al museo hoy.
Mi madre compra un paraguas.
La niña compra una manzana.
Mi hermana busca un libro.
Mi padre está solo hoy.
Mary va al parque esta noche.
Mi hermano va a la biblioteca hoy.
Ella quiere un paraguas.
El profesor quiere un libro.
Mis padres buscan el periódico.
Mis padres están solos mañana.
La niña va al aeropuerto mañana.
Mi hermana busca un coche nuevo.
Mis amigos van a comer mañana.
Mis padres buscan un paraguas.
Mi madre va a cocinar mañana.
Mis padres van a bailar ahora.
Ellos van a cantar esta noche.
El profesor está contento hoy.
Mi madre va a cocinar ahora.
Él va a la estación hoy.
Yo veo un perro.
El profesor quiere una casa.
La niña tiene una manzana.
Mi hermano está contento hoy.
Mi madre está sola mañana.
Nosotros buscamos una camisa blanca.
Mary va a descansar esta noche.
Él quiere una bicicleta.
Nosotros vamos a viajar mañana.
Ellos están contentos esta noche.
Nosotros vemos un lápiz.
El niño compra la llave.
Tom quiere agua.
Mi hermano tiene una camisa blanca.
Mi hermano va a comer esta noche.
Mis padres tienen diez sillas.
Mis amigos compran un paraguas.
Mi hermana va a la cocina mañana.
La niña va al hospital mañana.
Él va a la escuela mañana.
Mi hermana va a trabajar ahora.
Mi madre necesita un perro.
Mi hermana va a la playa hoy.
El profesor necesita una bicicleta.
Ellos van al banco mañana.
Mis amigos tienen diez gatos.
Yo necesito una bicicleta.
Tom está cansado ahora.
Yo voy a la escuela mañana.
Mi padre busca una mesa.
Mi hermana ve una camisa blanca.
Mis padres van a leer esta noche.
Nosotros vamos al banco hoy.
Él va a estudiar ahora.
La niña está contenta esta noche.
El niño va a la estación ahora.
Mi madre tiene dos gatos.
El niño quiere un libro.
El niño va a comer esta noche.
Mis padres van a la estación esta noche.
Él va a leer mañana.
Nosotros vamos al hotel hoy.
El niño necesita dinero.
Yo compro una manzana.
El niño va al hotel mañana.
Mi hermana va al banco hoy.
Mi hermana tiene dos perros.
La niña tiene diez gatos.
Mis amigos compran el periódico.
Mis padres tienen diez hermanos.
Mary tiene dos perros.
Mary está aburrida hoy.
Tom compra un paraguas.
Mis padres están enfermos esta noche.
Ella quiere el periódico.
Mi padre va a correr esta noche.
Mis amigos están listos ahora.
Mis amigos van al museo esta noche.
El profesor quiere un trabajo.
Mary va a la playa hoy.
Mi padre va a leer esta noche.
La niña tiene cinco gatos.
Mis padres tienen una bicicleta.
Mi madre está contenta mañana.
Mis padres tienen tres perros.
Tom quiere un paraguas.
Mi hermana va a cantar ahora.
El niño va a leer mañana.
Mary necesita un paraguas.
Mis amigos compran un libro.
Él tiene cuatro hijos.
Mary busca un libro.
Nosotros tenemos una bicicleta.
Mi hermano va a viajar esta noche.
Mis padres van a la playa hoy.
Mary tiene tres amigos.
Él tiene un libro.
Mis amigos tienen dos hijos.
Ella va al hospital hoy.
Tom tiene cinco perros.
Mi hermano va al aeropuerto ahora.
El niño va a dormir ahora.
Tom va al banco mañana.
Mi hermano compra un paraguas.
Él tiene un trabajo.
Mi hermana tiene dos manzanas.
El niño está cansado ahora.
Mi padre va a la playa ahora.
Tom va a la escuela ahora.
Nosotros tenemos cuatro amigos.
La niña tiene cuatro hermanos.
Él ve dinero.
Mi hermana está preocupada ahora.
Mi madre tiene cuatro hijos.
Ellos van a bailar esta noche.
Yo tengo una casa.
Ellos buscan tiempo.
Nosotros vamos a la estación mañana.
Mi madre va a la biblioteca hoy.
Ellos tienen tres perros.
El niño tiene cuatro gatos.
Mis amigos van al hotel hoy.
La niña está ocupada esta noche.
Mis amigos quieren una camisa blanca.
Tom va a cocinar esta noche.
Él compra una camisa blanca.
La niña tiene una mesa.
Mis amigos tienen cinco amigos.
Mis padres van a la estación hoy.
Mi madre tiene diez perros.
Ella busca dinero.
Yo quiero una manzana.
El niño va al banco mañana.
Mi padre va a leer ahora.
Mis amigos tienen cinco manzanas.
Mi hermano va a bailar mañana.
Mi madre está lista mañana.
Mi padre va al banco ahora.
Nosotros estamos ocupados ahora.
Tom quiere un perro.
Mi hermano va a descansar mañana.
Mis amigos están preocupados ahora.
Mis amigos van a leer ahora.
Ella está contenta esta noche.
Ella tiene tres hijos.
Él tiene un perro.
Mary va al museo esta noche.
Mi padre va a bailar ahora.
El profesor está enfermo hoy.
Nosotros estamos aburridos hoy.
Tom necesita una mesa.
Mi hermano va a comer mañana.
Ella necesita una mesa.
Mary está ocupada hoy.
Mis amigos van a la cocina hoy.
El profesor tiene diez perros.
Yo tengo cuatro hijos.
Mis padres tienen tres manzanas.
Mi padre tiene cuatro perros.
Mi madre tiene la llave.
Él está ocupado esta noche.
El profesor tiene cuatro hermanos.
Él busca un trabajo.
Mis amigos tienen dos libros.
Tom va a nadar ahora.
Ellos buscan una bicicleta.
Él va a la cocina esta noche.
El profesor está solo esta noche.
Mi madre va a la estación mañana.
Nosotros vamos a la estación hoy.
Tom está ocupado esta noche.
Mis padres tienen dos libros.
Mis padres van a la playa esta noche.
Mi hermana ve un lápiz.
El niño va a la estación mañana.
Ella está enferma ahora.
Él está ocupado ahora.
Mi madre va al baño esta noche.
Mi madre va a nadar mañana.
La niña va a leer mañana.
Mary está preocupada mañana.
Mary busca agua.
El niño está aburrido esta noche.
El profesor busca un coche nuevo.
Ellos necesitan un diccionario.
Mis padres buscan un trabajo.
Mi hermano va al hotel hoy.
Nosotros tenemos dinero.
Mis padres están contentos mañana.
Ella busca un diccionario.
Él va a la cocina ahora.
Mis padres van a estudiar esta noche.
Mary busca un trabajo.
Ella tiene un paraguas.
Él va a cantar ahora.
Tom tiene un trabajo.
Mi padre tiene tres perros.
Mary va a comer ahora.
El niño está listo mañana.
Mary va a la cocina mañana.
Él va a la biblioteca mañana.
La niña va a la escuela ahora.
Mi hermana está enferma esta noche.
Mi madre tiene el periódico.
Tom tiene diez libros.
Ella está enferma mañana.
Mi madre tiene tres manzanas.
Mary está lista hoy.
Mary tiene dos hermanos.
Mi padre tiene tres sillas.
Mary tiene tres manzanas.
Ella está aburrida hoy.
La niña compra una bicicleta.
Mi madre tiene cinco sillas.
Mary necesita una casa.
Mi madre busca tiempo.
Mi hermano va al banco hoy.
El profesor tiene diez libros.
Mi hermana va al hospital esta noche.
La niña quiere un perro.
Ellos buscan un paraguas.
Mi hermano tiene tres sillas.
El profesor va a la biblioteca mañana.
Mi madre va a viajar esta noche.
Mi padre va a la cocina mañana.
Ellos buscan la llave.
Mi madre tiene diez amigos.
Mi hermano va a viajar mañana.
Mi padre tiene diez manzanas.
Mary ve tiempo.
Mi madre va al parque hoy.
Mi padre necesita un trabajo.
Mi hermana va a cocinar ahora.
Mi madre tiene dos sillas.
El profesor va al aeropuerto ahora.
Mary va a cantar ahora.
Mary va al aeropuerto hoy.
El niño tiene cuatro libros.
Mi madre tiene dos libros.
Nosotros vemos una mesa.
El profesor va a viajar esta noche.
Mary va al parque mañana.
Mi hermano quiere dinero.
Ellos tienen tres gatos.
El profesor va a dormir ahora.
El niño va al aeropuerto mañana.
Tom busca agua.
El niño necesita agua.
Nosotros vamos a nadar esta noche.
Ellos quieren un trabajo.
Mi madre va a la biblioteca esta noche.
Ella va a nadar mañana.
Mi padre busca un gato.
Mi madre está aburrida esta noche.
El niño va al museo hoy.
Nosotros buscamos una mesa.
Yo busco la llave.
Mis amigos tienen una mesa.
Mis padres buscan una manzana.
Mi hermano necesita dinero.
Mi madre está cansada mañana.
La niña va al baño esta noche.
Yo voy a bailar mañana.
Mary va a leer ahora.
El niño tiene dos amigos.
Ellos están solos ahora.
Ellos están cansados esta noche.
Mary va a leer mañana.
Nosotros vamos al aeropuerto mañana.
Mi madre está ocupada esta noche.
Mi hermano tiene tres gatos.
Yo voy al aeropuerto ahora.
Mi padre va a viajar ahora.
Mis padres tienen cinco gatos.
Mi hermano va al aeropuerto mañana.
Yo voy a dormir ahora.
Mis amigos están listos mañana.
El profesor tiene cinco libros.
Nosotros queremos un perro.
La niña va a la playa esta noche.
El profesor busca agua.
Mi hermana está ocupada ahora.
Yo estoy listo ahora.
Nosotros vamos al aeropuerto ahora.
Ellos quieren una manzana.
El niño va a correr esta noche.
Mary está sola mañana.
Mi hermano quiere un paraguas.
Ella va al hospital esta noche.
Ella tiene un lápiz.
Él está contento hoy.
El profesor va al baño mañana.
Mi padre tiene dos manzanas.
Ella tiene cuatro hermanos.
Nosotros vamos a la playa mañana.
Nosotros estamos preocupados hoy.
Ellos van al hotel ahora.
Mi madre tiene dos amigos.
Ellos ven agua.
Nosotros vamos al parque ahora.
El profesor quiere agua.
Nosotros queremos un paraguas.
Mi hermano está cansado esta noche.
Ella va a cocinar ahora.
Yo estoy aburrido mañana.
Mary quiere un diccionario.
Mi hermano está cansado hoy.
Mis padres tienen agua.
Mis amigos buscan un trabajo.
Él va a la escuela ahora.
El niño va a nadar esta noche.
Mary ve una camisa blanca.
Mi hermana necesita tiempo.
La niña va al baño hoy.
Nosotros tenemos cuatro hermanos.
El profesor busca una casa.
Ella va al banco hoy.
Mi hermana está sola ahora.
Mis padres quieren un libro.
Mary va a dormir mañana.
Mary tiene dos hijos.
Mi madre va al aeropuerto mañana.
Mi hermano quiere una camisa blanca.
Mi hermano está ocupado mañana.
Tom va a la cocina ahora.
Tom tiene tres amigos.
Yo tengo diez amigos.
Mi hermana va a cocinar mañana.
La niña va al museo esta noche.
Ella ve una mesa.
Él necesita una mesa.
Tom va a bailar esta noche.
Mi hermana va al aeropuerto ahora.
Tom busca una manzana.
Ella tiene cinco manzanas.
La niña va a correr mañana.
Mary va al banco esta noche.
Tom está aburrido esta noche.
Mi hermano tiene tres perros.
Mi madre va a descansar mañana.
Mi hermano tiene tres hermanos.
Tom está enfermo hoy.
Ella tiene una manzana.
Mis padres van a la cocina ahora.
Yo quiero un diccionario.
Mi hermana tiene tres amigos.
El profesor tiene cinco amigos.
Mis amigos necesitan un libro.
Él busca dinero.
Mi madre compra un perro.
Ellos están contentos ahora.
Tom va a comer esta noche.
Mis padres tienen tres libros.
Mi hermana tiene tres perros.
Mis amigos van a la escuela mañana.
Mis padres tienen cuatro amigos.
El niño compra un libro.
Ella va al aeropuerto esta noche.
El niño va al hotel esta noche.
Mi hermano busca una manzana.
Mis amigos van a la estación mañana.
El niño tiene cinco hermanos.
Ella va a estudiar ahora.
Mary va a la estación esta noche.
Él está preocupado hoy.
Mis amigos tienen la llave.
Nosotros tenemos un perro.
El profesor va al aeropuerto esta noche.
Yo tengo el periódico.
Nosotros queremos un gato.
Mi hermano está preocupado mañana.
Ella está ocupada hoy.
Mis padres van a la cocina mañana.
Mi padre está solo esta noche.
Mi hermana necesita un lápiz.
Mis padres van al hospital ahora.
Mi padre tiene tiempo.
Mis padres van a la biblioteca esta noche.
El niño compra un coche nuevo.
La niña compra un perro.
Tom tiene tres hermanos.
Mi hermano está aburrido mañana.
El niño ve un lápiz.
Nosotros estamos preocupados esta noche.
Mis amigos tienen cuatro perros.
Mi hermano va a dormir esta noche.
Mi padre necesita un coche nuevo.
Mi hermana está sola esta noche.
Ellos tienen cinco hijos.
Ella va a la escuela hoy.
El niño ve un diccionario.
Mi hermano tiene cinco gatos.
Mary necesita un trabajo.
Mary va a descansar ahora.
Él tiene cuatro perros.
Ella va a dormir esta noche.
Mis padres van al parque mañana.
Tom va a comer ahora.
Mis amigos van a cocinar ahora.
El profesor está preocupado mañana.
Ellos van al hospital mañana.
Mi hermano está listo hoy.
Él va a cantar mañana.
Mi madre tiene un lápiz.
Tom ve tiempo.
Mi hermana está ocupada esta noche.
Mis amigos van a nadar mañana.
Tom quiere el periódico.
Ella va a la escuela mañana.
Mi padre va a la cocina hoy.
Mi madre tiene dos manzanas.
Yo voy a cantar ahora.
Mi hermana va a nadar esta noche.
Tom tiene cinco amigos.
Yo tengo un lápiz.
Mi padre quiere un paraguas.
Mary está aburrida esta noche.
Mis amigos van al parque ahora.
Nosotros tenemos tres sillas.
Tom busca un paraguas.
La niña va al baño mañana.
La niña ve el periódico.
Yo necesito un perro.
El profesor va al baño hoy.
Mi madre busca una casa.
Mi hermana va al hotel hoy.
Tom quiere dinero.
El niño necesita el periódico.
El niño tiene tiempo.
Ellos van a la escuela mañana.
Mi hermano tiene cinco hijos.
Mary va a la estación hoy.
Ella va a la biblioteca ahora.
Nosotros vamos a descansar mañana.
La niña tiene diez libros.
Mary tiene dos manzanas.
El niño tiene tres libros.
El niño va a cantar esta noche.
La niña va a dormir ahora.
Tom está aburrido hoy.
Ella necesita una camisa blanca.
Mi padre va a la biblioteca ahora.
Él ve un gato.
Mi padre va al aeropuerto mañana.
El niño tiene dos hermanos.
Mi hermano va a cocinar esta noche.
Yo voy a estudiar mañana.
El profesor tiene un trabajo.
Mi hermano quiere agua.
Mis padres tienen cuatro gatos.
Mis padres van a viajar ahora.
La niña va a la cocina hoy.
Mi padre busca un trabajo.
Nosotros tenemos cuatro perros.
Nosotros vamos a trabajar ahora.
Mi padre tiene un paraguas.
Mis amigos tienen cinco hijos.
Mis amigos compran agua.
Nosotros estamos cansados mañana.
Mi hermano está solo esta noche.
Mis amigos están solos mañana.
Mi hermano está preocupado ahora.
Mi hermano va al aeropuerto hoy.
Ellos van a comer ahora.
Yo voy a dormir esta noche.
Ellos buscan un trabajo.
El niño va a nadar mañana.
Mi padre va a cantar mañana.
Mis amigos van a cocinar esta noche.
Mary va a la escuela esta noche.
El profesor tiene cinco gatos.
Ellos están enfermos esta noche.
Tom ve una manzana.
Ellos van a trabajar ahora.
Ellos tienen cuatro perros.
El niño está enfermo hoy.
Él va a dormir esta noche.
Nosotros compramos un coche nuevo.
Él va al aeropuerto mañana.
Mis padres compran un diccionario.
El profesor busca la llave.
El profesor tiene cuatro amigos.
La niña va a estudiar esta noche.
Tom tiene cinco manzanas.
Yo tengo diez gatos.
Mi madre tiene diez hermanos.
Mis padres están listos mañana.
Mi hermana va al aeropuerto hoy.
Él tiene una casa.
El profesor busca un gato.
Ella tiene cinco gatos.
Mis padres buscan un coche nuevo.
Mis padres necesitan un diccionario.
Ellos compran agua.
Nosotros estamos preocupados ahora.
Él va al hospital mañana.
Mary está ocupada ahora.
Ella necesita un libro.
El profesor va a la biblioteca esta noche.
El profesor ve una manzana.
Mary compra la llave.
Mis amigos van al museo ahora.
Él va al banco esta noche.
Tom ve un trabajo.
Nosotros tenemos cinco gatos.
Tom tiene tres manzanas.
La niña va a la playa hoy.
Yo tengo una manzana.
Él va al parque mañana.
El niño necesita un diccionario.
Mi padre va al baño esta noche.
Mi madre necesita una casa.
Mi madre ve un perro.
Yo voy a viajar esta noche.
Yo compro una bicicleta.
El profesor va a correr ahora.
Ella tiene diez hermanos.
Ella está preocupada mañana.
Mis amigos van a la biblioteca ahora.
Mi padre necesita un libro.
El profesor va a descansar mañana.
Nosotros queremos el periódico.
Mi padre va a dormir ahora.
Ella está contenta ahora.
La niña tiene cinco sillas.
Mis padres van a la biblioteca hoy.
Nosotros vamos a leer mañana.
Ella va a dormir ahora.
Él tiene cinco libros.
Mary va al hospital ahora.
Nosotros tenemos dos manzanas.
Ellos van al aeropuerto esta noche.
Mis padres van a descansar ahora.
El profesor va a nadar esta noche.
Mi hermano ve una camisa blanca.
Mary necesita tiempo.
Ella está sola ahora.
Mis amigos buscan el periódico.
Tom va a correr ahora.
Ellos tienen un diccionario.
Mis padres están listos esta noche.
Mi hermana va a leer esta noche.
Ellos compran un paraguas.
El niño ve un perro.
Mi padre está cansado ahora.
Ella va a la escuela ahora.
Nosotros tenemos diez hermanos.
Yo tengo dos manzanas.
Mi hermana va al parque mañana.
Mary va a estudiar ahora.
Mary quiere un trabajo.
Ella tiene dinero.
Mis amigos necesitan un paraguas.
La niña tiene diez sillas.
El profesor está ocupado mañana.
El profesor tiene agua.
La niña va al parque esta noche.
Mary va a comer esta noche.
Yo voy al hotel mañana.
El profesor quiere una mesa.
Mi hermana compra una manzana.
La niña ve agua.
La niña va a nadar ahora.
Tom ve un paraguas.
La niña está lista hoy.
El niño quiere tiempo.
Nosotros buscamos un coche nuevo.
Mi hermano necesita un perro.
Mi hermano tiene dos sillas.
El profesor va a la playa esta noche.
Yo estoy solo ahora.
Ellos están listos ahora.
Mary quiere agua.
El niño está contento mañana.
Mi madre busca la llave.
Mis amigos van al hotel esta noche.
Él necesita un libro.
Mi madre está contenta esta noche.
Mi hermano busca un libro.
Ella quiere un diccionario.
Nosotros estamos aburridos esta noche.
La niña va a la biblioteca esta noche.
Ella va a la biblioteca mañana.
Yo necesito dinero.
Mis amigos tienen un diccionario.
El profesor va a correr esta noche.
Mis padres van al parque esta noche.
Tom tiene cinco hijos.
Yo voy a cantar mañana.
Mi hermana ve un perro.
Yo tengo un paraguas.
Ella va al aeropuerto ahora.
Nosotros vamos a la playa ahora.
Mis padres quieren un coche nuevo.
Mi hermana busca la llave.
Mi madre está aburrida mañana.
Mis padres compran un coche nuevo.
La niña tiene dos libros.
La niña está lista ahora.
La niña tiene tres hermanos.
Mi hermana tiene una camisa blanca.
La niña ve un diccionario.
Él tiene diez hijos.
Mary compra un paraguas.
Yo busco un trabajo.
Mi madre tiene un trabajo.
La niña tiene cinco perros.
Mi hermana tiene dos hermanos.
Tom busca un perro.
Él tiene dos libros.
Mi hermana va a correr esta noche.
La niña va al banco hoy.
Mi hermana quiere una casa.
La niña está preocupada esta noche.
Mi padre va al hospital mañana.
El profesor tiene una manzana.
Nosotros tenemos cinco libros.
Mis amigos van al baño mañana.
Mi padre va al baño hoy.
Mary tiene el periódico.
Tom va al parque mañana.
Nosotros vamos a la biblioteca hoy.
Él tiene diez hermanos.
Mary va al baño hoy.
Mary está sola ahora.
Ellos necesitan dinero.
El profesor necesita una camisa blanca.
La niña va a la estación ahora.
Mi hermano ve un coche nuevo.
Nosotros queremos un libro.
Ella va a trabajar ahora.
El niño va a trabajar esta noche.
El niño va a dormir mañana.
Mis amigos necesitan un gato.
Tom va a la estación esta noche.
El profesor está contento mañana.
Yo veo una manzana.
Mis amigos van a bailar esta noche.
Ellos ven el periódico.
El profesor está solo ahora.
Mis padres compran un perro.
Tom compra un lápiz.
La niña necesita un trabajo.
Mi hermano está aburrido ahora.
Mi hermana compra un diccionario.
Mi hermano tiene un perro.
Nosotros tenemos cuatro gatos.
El profesor va al hotel esta noche.
La niña tiene diez hijos.
Mi hermano quiere una manzana.
Ella tiene tres amigos.
Ella ve la llave.
Mi madre tiene un paraguas.
Él necesita un diccionario.
Mis amigos van al hospital esta noche.
Él compra tiempo.
Mi hermana va al baño esta noche.
Mi hermano va a la escuela mañana.
Mis amigos van a la estación esta noche.
Nosotros vamos a descansar esta noche.
Tom busca la llave.
El niño tiene cuatro perros.
Mis padres van a la biblioteca mañana.
El profesor necesita un diccionario.
Mi hermana va al baño ahora.
El niño va a cocinar mañana.
Mary compra una camisa blanca.
Yo tengo diez manzanas.
Mi hermana necesita el periódico.
Ella tiene cinco hermanos.
Él va a descansar mañana.
La niña tiene dos sillas.
Ella está sola mañana.
Mis padres necesitan un perro.
La niña va a nadar mañana.
Nosotros vamos a la playa esta noche.
La niña tiene tres sillas.
Nosotros vamos al museo ahora.
La niña va a cantar ahora.
Él tiene agua.
Yo tengo cinco manzanas.
Ella ve un paraguas.
Mary va al hotel ahora.
Tom busca un diccionario.
Ella va a correr esta noche.
Yo busco una casa.
Mi madre necesita tiempo.
Mi madre va al banco ahora.
La niña tiene el periódico.
El profesor tiene diez hermanos.
El profesor va a cantar ahora.
Mi hermana tiene tres libros.
Mi padre ve una mesa.
Mi madre ve dinero.
Mi hermana tiene dos amigos.
Mis padres van al baño ahora.
El niño necesita una camisa blanca.
El profesor está aburrido esta noche.
Mis amigos van a la escuela ahora.
